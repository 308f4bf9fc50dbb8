// Back office editing forms (src/modules/site/backoffice/form.tsx). Progressive enhancement only: every form
// works and validates on the server without JavaScript.
(function () {
  // After a failed save, move the focus to the summary of the errors, so screen readers announce it.
  var summary = document.getElementById('bo-errors');
  if (summary) summary.focus();

  // Topics with a maximum (1–4 for services): say how many are ticked, and warn when over the limit.
  Array.prototype.forEach.call(document.querySelectorAll('[data-max-checked]'), function (group) {
    var max = Number(group.getAttribute('data-max-checked'));
    var template = group.getAttribute('data-count-text') || '{n} / {max}';
    var status = document.createElement('p');
    status.className = 'form-text mt-2';
    status.setAttribute('aria-live', 'polite');
    group.parentNode.insertBefore(status, group.nextSibling);
    function update() {
      var n = group.querySelectorAll('input[type="checkbox"]:checked').length;
      status.textContent = template.replace('{n}', String(n)).replace('{max}', String(max));
      status.classList.toggle('text-danger', n > max);
    }
    group.addEventListener('change', update);
    update();
  });

  // Leaving a form with unsaved changes asks for confirmation (the browser's own dialog).
  Array.prototype.forEach.call(document.querySelectorAll('form[data-bo-form]'), function (form) {
    var dirty = false;
    form.addEventListener('input', function () { dirty = true; });
    form.addEventListener('change', function () { dirty = true; });
    form.addEventListener('submit', function () { dirty = false; });
    window.addEventListener('beforeunload', function (e) {
      if (!dirty) return;
      e.preventDefault();
      e.returnValue = '';
    });
  });
})();
