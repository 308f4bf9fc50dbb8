// Richiesta di assistenza (src/modules/site/pages/assistance.tsx): progressive enhancement only. Without it the
// form works the same: every service is listed, grouped by category, and the textarea's maxlength still applies.
// With it: a live count of the characters left in "Dettagli", and the "Servizio" list shows only the chosen
// category's services (choosing a service first fills in its category).
(function () {
  var form = document.querySelector('form[data-assistance-form]');
  if (!form) return;

  var details = form.querySelector('textarea[data-counter]');
  var counter = details && document.getElementById(details.getAttribute('data-counter'));
  if (details && counter) {
    var max = Number(details.getAttribute('maxlength')) || 600;
    var template = counter.getAttribute('data-template') || '{n}';
    var timer = null;
    var render = function () {
      // Count as the server does: a line break is one character.
      var left = max - details.value.replace(/\r\n/g, '\n').length;
      counter.textContent = template.replace('{n}', String(Math.max(0, left)));
    };
    counter.hidden = false;
    render();
    details.addEventListener('input', function () {
      // Update the text at once, but let screen readers hear it only after a pause in typing.
      counter.setAttribute('aria-live', 'off');
      render();
      if (timer) clearTimeout(timer);
      timer = setTimeout(function () {
        counter.setAttribute('aria-live', 'polite');
        render();
      }, 800);
    });
  }

  var category = form.querySelector('select[name="category"]');
  var service = form.querySelector('select[name="service"]');
  if (!category || !service) return;
  var groups = service.querySelectorAll('optgroup[data-category]');

  function filter() {
    var chosen = category.value;
    Array.prototype.forEach.call(groups, function (g) {
      var show = !chosen || g.getAttribute('data-category') === chosen;
      g.hidden = !show;
      g.disabled = !show;
    });
    var selected = service.options[service.selectedIndex];
    if (selected && selected.parentNode && selected.parentNode.disabled) service.value = '';
  }

  category.addEventListener('change', filter);
  service.addEventListener('change', function () {
    var selected = service.options[service.selectedIndex];
    var group = selected && selected.parentNode;
    if (group && group.getAttribute && group.getAttribute('data-category') && !category.value) {
      category.value = group.getAttribute('data-category');
      filter();
    }
  });
  filter();
})();
