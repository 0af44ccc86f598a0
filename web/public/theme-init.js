// Sets the remembered colour scheme on <html> before the first paint, so a dark-mode user
// never sees a white flash. Kept as a file because the CSP allows no inline scripts.
// The key is the one Mantine's localStorageColorSchemeManager reads.
(function () {
  var scheme = 'light';
  try {
    var stored = window.localStorage.getItem('cocreate-color-scheme');
    if (stored === 'dark' || stored === 'light') {
      scheme = stored;
    } else if (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches) {
      scheme = 'dark';
    }
  } catch (e) {
    /* storage blocked: keep light */
  }
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
})();
