// Starts Pagefind's default search UI on the search page (/search/). Loaded as a file, not
// inline, so a Content-Security-Policy without 'unsafe-inline' allows it. `?q=word` (the
// header's search form) runs that search at once.
(function () {
  'use strict';
  var container = document.getElementById('search');
  if (!container) return;
  if (typeof window.PagefindUI !== 'function') {
    // The index and UI are written by `npm run build`; `npm run dev` has none.
    var unavailable = document.querySelector('.search-unavailable');
    if (unavailable) unavailable.hidden = false;
    return;
  }
  var ui = new window.PagefindUI({ element: '#search', showSubResults: true, showImages: false });
  var query = new URLSearchParams(window.location.search).get('q');
  if (query && query.trim() !== '') {
    ui.triggerSearch(query.trim());
    var headerInput = document.getElementById('site-search-q');
    if (headerInput) headerInput.value = query.trim();
  }
})();
