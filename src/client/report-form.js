// Segnalazione disservizio, step 2 (src/modules/reports/pages/new.tsx): progressive enhancement only. Without this
// script the form works the same: the street is found with the "Cerca la via" button, the place can be given by
// address alone, and the nearby similar reports are listed on the summary page.
// With it: street suggestions while typing (GET /api/v1/reports/streets), a Leaflet map where a click or a drag sets
// the pin (hidden lat/lon fields), "Usa la mia posizione", and while the citizen writes, the AI triage
// (POST /api/v1/reports/triage) preselects the type of problem and offers nearby similar open reports to follow.
(function () {
  'use strict';
  var form = document.querySelector('form[data-report-form]');
  if (!form || !window.fetch) return;

  Array.prototype.forEach.call(form.querySelectorAll('[data-js-only]'), function (el) {
    el.hidden = false;
  });
  Array.prototype.forEach.call(form.querySelectorAll('[data-noscript-pin]'), function (el) {
    el.hidden = true;
  });

  var latInput = form.querySelector('[data-pin-lat]');
  var lonInput = form.querySelector('[data-pin-lon]');
  var pinStatus = document.getElementById('pin-status');
  var csrf = form.querySelector('input[name="_csrf"]');
  var onPinChange = function () {};

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function round(n) {
    return Math.round(n * 1e6) / 1e6;
  }

  function showPin() {
    if (!pinStatus) return;
    if (latInput.value && lonInput.value) {
      pinStatus.textContent = (pinStatus.getAttribute('data-template') || '{lat}, {lon}').replace('{lat}', latInput.value).replace('{lon}', lonInput.value);
    } else {
      pinStatus.textContent = pinStatus.getAttribute('data-empty') || '';
    }
  }

  // ── Map ──────────────────────────────────────────────────────────────────────
  var mapEl = form.querySelector('[data-report-map]');
  var L = window.L;
  var map = null;
  var marker = null;

  function escapeText(s) {
    var d = document.createElement('div');
    d.textContent = s;
    return d.innerHTML;
  }

  function setPin(lat, lon, pan) {
    latInput.value = String(round(lat));
    lonInput.value = String(round(lon));
    if (map) {
      if (!marker) {
        marker = L.marker([lat, lon], { draggable: true, keyboard: true, title: mapEl.getAttribute('data-marker-label') || '', alt: mapEl.getAttribute('data-marker-label') || '' }).addTo(map);
        marker.on('dragend', function () {
          var p = marker.getLatLng();
          setPin(p.lat, p.lng, false);
        });
      } else {
        marker.setLatLng([lat, lon]);
      }
      if (pan) map.setView([lat, lon], Math.max(map.getZoom(), 17));
    }
    showPin();
    onPinChange();
  }

  function clearPin() {
    latInput.value = '';
    lonInput.value = '';
    if (marker && map) {
      map.removeLayer(marker);
      marker = null;
    }
    showPin();
  }

  if (mapEl && L && latInput && lonInput) {
    var center = (mapEl.getAttribute('data-center') || '45.5663,8.0537,14').split(',').map(Number);
    mapEl.hidden = false;
    map = L.map(mapEl, { scrollWheelZoom: false }).setView([center[0], center[1]], center[2] || 14);
    L.tileLayer(mapEl.getAttribute('data-tiles') || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 19,
      attribution: escapeText(mapEl.getAttribute('data-attribution') || ''),
    }).addTo(map);
    map.on('click', function (e) {
      setPin(e.latlng.lat, e.latlng.lng, false);
    });
    var lat0 = parseFloat(latInput.value);
    var lon0 = parseFloat(lonInput.value);
    if (isFinite(lat0) && isFinite(lon0)) setPin(lat0, lon0, true);
  } else if (mapEl) {
    // No Leaflet: the map and its buttons stay hidden; the address is enough.
    Array.prototype.forEach.call(form.querySelectorAll('[data-clear-pin], #map-help'), function (el) {
      el.hidden = true;
    });
  }

  var locate = form.querySelector('[data-locate]');
  if (locate) {
    if (!navigator.geolocation) locate.hidden = true;
    locate.addEventListener('click', function () {
      locate.disabled = true;
      navigator.geolocation.getCurrentPosition(
        function (pos) {
          locate.disabled = false;
          setPin(pos.coords.latitude, pos.coords.longitude, true);
        },
        function () {
          locate.disabled = false;
          if (pinStatus) pinStatus.textContent = locate.getAttribute('data-error') || '';
        },
        { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
      );
    });
  }
  var clear = form.querySelector('[data-clear-pin]');
  if (clear) clear.addEventListener('click', clearPin);

  // ── Street suggestions ─────────────────────────────────────────────────────────────
  var street = form.querySelector('input[data-street-search]');
  var datalist = street && document.getElementById(street.getAttribute('list'));
  var known = {};
  if (street && datalist) {
    var lastQuery = '';
    var suggest = debounce(function () {
      var q = street.value.trim();
      if (q.length < 2 || q === lastQuery) return;
      lastQuery = q;
      fetch(street.getAttribute('data-street-search') + '?limit=10&q=' + encodeURIComponent(q), { headers: { accept: 'application/json' } })
        .then(function (r) {
          return r.ok ? r.json() : { items: [] };
        })
        .then(function (data) {
          if (street.value.trim() !== q) return;
          datalist.textContent = '';
          (data.items || []).forEach(function (s) {
            known[s.name] = s;
            var o = document.createElement('option');
            o.value = s.name;
            if (s.area) o.label = s.area;
            datalist.appendChild(o);
          });
        })
        .catch(function () {});
    }, 250);
    street.addEventListener('input', function () {
      var s = known[street.value];
      // A street picked from the suggestions: the search result radios of an earlier no-JS search no longer apply.
      Array.prototype.forEach.call(form.querySelectorAll('input[name="street"]'), function (r) {
        r.checked = false;
      });
      if (s && map && !marker) map.setView([s.lat, s.lon], 17);
      suggest();
    });
  }

  // ── AI triage: suggested category and nearby similar reports ─────────────────────────────
  var title = form.querySelector('#title');
  var description = form.querySelector('#description');
  var category = form.querySelector('#category');
  var hint = document.getElementById('category-hint');
  var similar = document.getElementById('similar-reports');
  var triageUrl = form.getAttribute('data-triage');
  var emailInput = form.querySelector('#email');
  var chosenByUser = category && category.value !== '';
  if (category) {
    category.addEventListener('change', function () {
      chosenByUser = true;
    });
  }

  function renderSimilar(list) {
    if (!similar) return;
    similar.textContent = '';
    followForms.textContent = '';
    var items = (list || []).filter(function (d) {
      return d && typeof d.number === 'number';
    });
    if (!items.length) {
      similar.hidden = true;
      return;
    }
    var box = document.createElement('div');
    box.className = 'callout warning';
    var head = document.createElement('div');
    head.className = 'callout-title';
    head.textContent = similar.getAttribute('data-title');
    box.appendChild(head);
    var p = document.createElement('p');
    p.textContent = similar.getAttribute('data-text');
    box.appendChild(p);
    var ul = document.createElement('ul');
    ul.className = 'list-unstyled mb-0';
    items.slice(0, 5).forEach(function (d) {
      var li = document.createElement('li');
      li.className = 'mb-2';
      var a = document.createElement('a');
      a.href = '/segnalazioni/' + d.number;
      a.className = 'fw-semibold';
      a.textContent = 'n. ' + d.number + ': ' + d.title;
      li.appendChild(a);
      if (typeof d.distanceMeters === 'number') {
        var small = document.createElement('span');
        small.className = 'small ms-2';
        small.textContent = (similar.getAttribute('data-distance') || '{m} m').replace('{m}', String(Math.round(d.distanceMeters)));
        li.appendChild(small);
      }
      // Following is a form of its own, outside the report form (forms cannot nest): the button, here next to
      // the report, submits it through its form="" attribute.
      var f = document.createElement('form');
      f.method = 'post';
      f.action = '/segnalazioni/' + d.number + '/segui';
      f.id = 'follow-report-' + d.number;
      f.hidden = true;
      var token = document.createElement('input');
      token.type = 'hidden';
      token.name = '_csrf';
      token.value = csrf ? csrf.value : '';
      f.appendChild(token);
      if (emailInput && emailInput.value) {
        var em = document.createElement('input');
        em.type = 'hidden';
        em.name = 'email';
        em.value = emailInput.value;
        f.appendChild(em);
      }
      followForms.appendChild(f);
      var b = document.createElement('button');
      b.type = 'submit';
      b.setAttribute('form', f.id);
      b.className = 'btn btn-outline-primary btn-sm ms-2';
      b.textContent = similar.getAttribute('data-follow');
      var sr = document.createElement('span');
      sr.className = 'visually-hidden';
      sr.textContent = ' n. ' + d.number;
      b.appendChild(sr);
      li.appendChild(b);
      ul.appendChild(li);
    });
    box.appendChild(ul);
    similar.appendChild(box);
    similar.hidden = false;
  }

  var followForms = document.createElement('div');
  form.parentNode.insertBefore(followForms, form.nextSibling);

  var lastBody = '';
  var runTriage = debounce(function () {
    if (!triageUrl || !description) return;
    var text = description.value.trim();
    if (text.length < 15) return;
    var body = { description: text.slice(0, 4000) };
    if (title && title.value.trim()) body.title = title.value.trim().slice(0, 200);
    var lat = parseFloat(latInput && latInput.value);
    var lon = parseFloat(lonInput && lonInput.value);
    if (isFinite(lat) && isFinite(lon)) {
      body.lat = lat;
      body.lon = lon;
    }
    var json = JSON.stringify(body);
    if (json === lastBody) return;
    lastBody = json;
    fetch(triageUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: json })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (data) {
        if (!data) return;
        if (category && !chosenByUser && data.category && data.category.code) {
          var option = category.querySelector('option[value="' + String(data.category.code).replace(/"/g, '') + '"]');
          if (option) {
            category.value = data.category.code;
            if (hint) hint.textContent = (hint.getAttribute('data-suggestion-template') || '{name}').replace('{name}', option.textContent);
          }
        }
        renderSimilar(data.duplicates);
      })
      .catch(function () {});
  }, 900);

  if (description) description.addEventListener('input', runTriage);
  if (title) title.addEventListener('input', runTriage);
  onPinChange = runTriage;

  // ── Photos: say at once when too many are chosen (the server checks again) ────────────────────
  var photos = form.querySelector('#photos');
  if (photos) {
    photos.addEventListener('change', function () {
      var max = Number(photos.getAttribute('data-max')) || 5;
      photos.setCustomValidity(photos.files && photos.files.length > max ? (document.getElementById('photos-hint') || {}).textContent || 'max ' + max : '');
    });
  }
})();
