// Charts: a chart spec + data → a laid-out vector chart, computed without Cairo.
//
//   ChartSpec + ChartData
//        │ normalize   Compile/Fold        sort, limit, fold small categories into "Other"
//        │ frame       Canvas/ChartFrame   title above, caption and source below, the plot between
//        │ scale       Scale/, Ticks/      linear, band and time scales; 1-2-5 ticks; date ticks
//        │ mark        Marks/              bars, lines, slices, tiles as paths (+ semantic `Mark`s)
//        │ label       Axis/, Text/        measured labels: wrapped, rotated, thinned, never overlapping
//        ▼ assemble    Compile/ChartCompiler
//   ChartLayout: a Layout `Graphic` (paths and text with font roles), alt text, marks
//
// Everything is a pure function of its inputs except text measurement, which goes through
// `TextMeasuring` (Pango's `TextShaper` in reports, a deterministic estimate in tests). The
// renderer draws the graphic like any other page content, so chart text is real text in the
// report's fonts.
