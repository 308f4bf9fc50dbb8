// Maps of places (Vivere: places, events, a place's page). Progressive enhancement: the page already lists every
// place with its address and an OpenStreetMap link; this script only draws those places on a Leaflet map.
// The container is <div data-map hidden data-tiles data-attribution data-center data-markers> (see pages/live.tsx);
// Leaflet itself is served at /assets/leaflet/ and loaded (deferred) before this file.
(function () {
  'use strict';
  var L = window.L;
  if (!L || !document.querySelectorAll) return;

  function parseMarkers(el) {
    try {
      var list = JSON.parse(el.getAttribute('data-markers') || '[]');
      return Array.isArray(list)
        ? list.filter(function (m) {
            return m && isFinite(m.lat) && isFinite(m.lon);
          })
        : [];
    } catch {
      return [];
    }
  }

  // Popup content built as DOM nodes (never as HTML strings): the place's name as a link, and its address.
  function popup(m) {
    var box = document.createElement('div');
    var a = document.createElement('a');
    a.href = m.href;
    a.textContent = m.name;
    a.className = 'fw-semibold';
    box.appendChild(a);
    if (m.address) {
      var p = document.createElement('div');
      p.textContent = m.address;
      box.appendChild(p);
    }
    return box;
  }

  // The attribution is a plain text setting: escape it, since Leaflet inserts attributions as HTML.
  function escapeText(s) {
    var d = document.createElement('div');
    d.textContent = s;
    return d.innerHTML;
  }

  function draw(el) {
    var markers = parseMarkers(el);
    var center = (el.getAttribute('data-center') || '').split(',').map(Number);
    el.hidden = false;
    var map = L.map(el, { scrollWheelZoom: false });
    L.tileLayer(el.getAttribute('data-tiles') || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 19,
      attribution: escapeText(el.getAttribute('data-attribution') || ''),
    }).addTo(map);
    var points = [];
    markers.forEach(function (m) {
      var ll = [Number(m.lat), Number(m.lon)];
      points.push(ll);
      L.marker(ll, { title: m.name, alt: m.name, riseOnHover: true }).addTo(map).bindPopup(popup(m));
    });
    if (points.length > 1) {
      map.fitBounds(points, { padding: [32, 32], maxZoom: 17 });
    } else if (points.length === 1) {
      map.setView(points[0], 16);
    } else if (center.length === 3 && center.every(isFinite)) {
      map.setView([center[0], center[1]], center[2]);
    } else {
      map.setView([41.9, 12.5], 5);
    }
  }

  var maps = document.querySelectorAll('[data-map]');
  for (var i = 0; i < maps.length; i++) {
    try {
      draw(maps[i]);
    } catch {
      // Leave the list as it is: the map is only an enhancement.
      maps[i].hidden = true;
    }
  }
})();
