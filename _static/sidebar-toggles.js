// The theme's visible menu and contents buttons open their panels.
//
// pydata-sphinx-theme 0.17 wires only the first `.primary-toggle` and `.secondary-toggle` in the page
// (document.querySelector), and sphinx-book-theme 1.3 renders a second pair in the article header:
// the buttons a reader sees, which then do nothing at any width
// (https://github.com/pydata/pydata-sphinx-theme/issues/2451). Each later button forwards its click
// to the wired one, which opens the panel on a phone and folds the sidebar on a wide screen.
document.addEventListener("DOMContentLoaded", () => {
  for (const kind of ["primary", "secondary"]) {
    const [wired, ...others] = document.querySelectorAll(`.${kind}-toggle`);
    for (const button of others) {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopPropagation();
        wired.click();
      });
    }
  }
});
