// Progressive enhancement shared by every page (src/core/views/layout.tsx). Every page works without it.
(function () {
  // Bootstrap Italia's fonts (Titillium Web, Lora, Roboto Mono), served from node_modules like the rest of it.
  if (window.bootstrap && typeof window.bootstrap.loadFonts === 'function') {
    window.bootstrap.loadFonts('/assets/bootstrap-italia/fonts');
  }

  // "Carica altri risultati" (LoadMore in src/core/views/pager.tsx): fetch the next page and put its cards in
  // place instead of loading the whole page. On any problem, fall back to the plain form submission.
  function announce(text) {
    var region = document.getElementById('load-more-status');
    if (!region) {
      region = document.createElement('div');
      region.id = 'load-more-status';
      region.className = 'visually-hidden';
      region.setAttribute('aria-live', 'polite');
      document.body.appendChild(region);
    }
    region.textContent = '';
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  function focusFirstIn(el) {
    if (!el) return;
    var focusable = el.matches('a[href],button') ? el : el.querySelector('a[href],button');
    if (!focusable) {
      el.setAttribute('tabindex', '-1');
      focusable = el;
    }
    focusable.focus();
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-load-more')) return;
    var targetId = form.getAttribute('data-load-more');
    var list = document.getElementById(targetId);
    if (!list || !window.fetch || !window.DOMParser || !window.URLSearchParams || !window.FormData) return;
    event.preventDefault();
    var action = (form.getAttribute('action') || window.location.pathname).split('#')[0];
    var url = action + '?' + new URLSearchParams(new FormData(form)).toString();
    var button = form.querySelector('button[type="submit"]');
    if (button) {
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
    }
    window
      .fetch(url, { headers: { accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.getElementById(targetId);
        if (!fresh) throw new Error('no list in the next page');
        var before = list.children.length;
        var cumulative = before > 0 && fresh.children.length > 0 && fresh.children[0].outerHTML === list.children[0].outerHTML;
        var firstNew;
        if (cumulative) {
          list.innerHTML = fresh.innerHTML;
          firstNew = list.children[before];
        } else {
          var nodes = Array.prototype.slice.call(fresh.children);
          nodes.forEach(function (n, i) {
            var copy = document.importNode(n, true);
            list.appendChild(copy);
            if (i === 0) firstNew = copy;
          });
        }
        var nextForm = doc.querySelector('form[data-load-more="' + targetId + '"]');
        if (nextForm) form.replaceWith(document.importNode(nextForm, true));
        else form.remove();
        if (window.history && window.history.replaceState) window.history.replaceState(null, '', url);
        announce(form.getAttribute('data-loaded-text') || '');
        focusFirstIn(firstNew);
      })
      .catch(function () {
        form.submit();
      });
  });
})();
