// Rating widget (src/core/views/feedback.tsx): with JavaScript, show only the answer group that fits the stars
// (1–3 → difficulties, 4–5 → preferences). Without it both groups stay visible and the form still works.
(function () {
  var forms = document.querySelectorAll('[data-element="feedback"] form');
  Array.prototype.forEach.call(forms, function (form) {
    var negative = form.querySelector('[data-feedback-block="negative"]');
    var positive = form.querySelector('[data-feedback-block="positive"]');
    if (!negative || !positive) return;
    function clear(block) {
      Array.prototype.forEach.call(block.querySelectorAll('input[type="radio"]'), function (i) { i.checked = false; });
    }
    function update() {
      var checked = form.querySelector('input[name="rating"]:checked');
      var n = checked ? Number(checked.value) : 0;
      negative.classList.toggle('d-none', !(n >= 1 && n <= 3));
      positive.classList.toggle('d-none', !(n >= 4));
      if (n >= 1 && n <= 3) clear(positive);
      if (n >= 4) clear(negative);
    }
    Array.prototype.forEach.call(form.querySelectorAll('input[name="rating"]'), function (i) {
      i.addEventListener('change', update);
    });
    update();
  });
})();
