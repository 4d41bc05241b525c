// Tables wider than the page say so: above each such table a note ("Scroll sideways for more
// columns") is shown, and a shadow marks the side where columns are hidden, for as long as the table
// is wider than its scroll region (it changes with the window, the font size and the scrolling).
//
// The frame, the hidden note and the focusable, labelled scroll region are written at build time
// (_ext/figure_tables.py, and safetybook.tables for glued tables); this script only measures.
// Jupyter Book includes every script in _static in every page.
document.addEventListener("DOMContentLoaded", () => {
  const SCROLLERS = ".safetybook-table-wrap, .pst-scrollable-table-container";
  for (const frame of document.querySelectorAll(".table-frame")) {
    const scroller = frame.querySelector(SCROLLERS);
    const hint = frame.previousElementSibling;
    if (!scroller) {
      continue;
    }
    const measure = () => {
      const hidden = scroller.scrollWidth - scroller.clientWidth;
      const left = scroller.scrollLeft > 1;
      const right = hidden - scroller.scrollLeft > 1;
      frame.dataset.overflow = hidden > 1 ? (left && right ? "both" : left ? "left" : "right") : "";
      if (hint && hint.classList.contains("table-scroll-hint")) {
        hint.hidden = hidden <= 1;
      }
    };
    measure();
    scroller.addEventListener("scroll", measure, { passive: true });
    new ResizeObserver(measure).observe(scroller);
  }
});
