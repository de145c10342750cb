// Pango's shaping and measuring API with its Cairo font map (whose font options decide the
// metrics) and fontconfig, to load the project's fonts. Cairo's drawing and PDF API is in CCairo.
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <fontconfig/fontconfig.h>
// HarfBuzz's subsetter: the PDF writer embeds only the glyphs a document uses.
#include <hb-subset.h>
#include <hb-ot.h>
