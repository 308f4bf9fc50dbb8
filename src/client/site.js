// Progressive enhancement shared by every page. Pages work without it.
(function () {
  if (window.bootstrap && typeof window.bootstrap.loadFonts === 'function') {
    window.bootstrap.loadFonts('/assets/bootstrap-italia/fonts');
  }
})();
