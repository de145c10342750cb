// Cairo's drawing and PDF surface API, for Render only.
#include <cairo.h>
#include <cairo-pdf.h>
