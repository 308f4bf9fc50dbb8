// Map of the public reports (/segnalazioni). Progressive enhancement: the page lists the same reports in HTML below
// the map; this script only draws them. The container is
//   <div data-reports-map hidden data-api data-tiles data-attribution data-center data-open-text data-cluster-text data-error-text>
// (see src/modules/reports/pages/public.tsx). On every move it asks GET {data-api}&bbox=w,s,e,n&zoom=z for a GeoJSON
// FeatureCollection: single reports (drawn with leaflet.markercluster) or, at low zoom or with many reports, grid
// clusters computed by the server (drawn as numbered circles that zoom in when pressed).
// Leaflet and leaflet.markercluster are served at /assets/leaflet/ and /assets/leaflet.markercluster/, loaded first.
(function () {
  'use strict';
  var L = window.L;
  if (!L || !document.querySelector || !window.fetch) return;

  var TONES = {
    submitted: '#a66300',
    accepted: '#0066cc',
    assigned: '#0066cc',
    in_progress: '#0066cc',
    resolved: '#008055',
    closed: '#008055',
    rejected: '#cc334d',
  };

  // Leaflet inserts attributions as HTML: the setting is plain text.
  function escapeText(s) {
    var d = document.createElement('div');
    d.textContent = s;
    return d.innerHTML;
  }

  // Popup as DOM nodes (never HTML strings): number and title as a link to the report.
  function popup(p, openText) {
    var box = document.createElement('div');
    var a = document.createElement('a');
    a.href = p.url || '/segnalazioni/' + p.number;
    a.className = 'fw-semibold';
    a.textContent = 'n. ' + p.number + ' – ' + (p.title || '');
    a.title = openText;
    box.appendChild(a);
    return box;
  }

  function clusterIcon(count) {
    var size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
    var inner = document.createElement('div');
    var span = document.createElement('span');
    span.textContent = count > 9999 ? Math.round(count / 1000) + 'k' : String(count);
    inner.appendChild(span);
    return L.divIcon({ html: inner.outerHTML, className: 'marker-cluster marker-cluster-' + size, iconSize: L.point(40, 40) });
  }

  // A coloured dot per state (L.Marker, so leaflet.markercluster can group it).
  function dotIcon(color) {
    var dot = document.createElement('span');
    dot.style.cssText = 'display:block;width:16px;height:16px;border-radius:50%;border:2px solid #fff;box-shadow:0 0 2px #000;background:' + color;
    return L.divIcon({ html: dot.outerHTML, className: '', iconSize: L.point(16, 16) });
  }

  function draw(el) {
    var api = el.getAttribute('data-api') || '/api/v1/reports/map';
    var openText = el.getAttribute('data-open-text') || '';
    var clusterText = el.getAttribute('data-cluster-text') || '{n}';
    var center = (el.getAttribute('data-center') || '').split(',').map(Number);
    el.hidden = false;
    var map = L.map(el, { scrollWheelZoom: false });
    L.tileLayer(el.getAttribute('data-tiles') || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 19,
      attribution: escapeText(el.getAttribute('data-attribution') || ''),
    }).addTo(map);
    var points = L.markerClusterGroup ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 }) : L.layerGroup();
    var clusters = L.layerGroup();
    points.addTo(map);
    clusters.addTo(map);

    var seq = 0;
    var timer = null;
    var status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('aria-live', 'polite');
    el.parentNode.insertBefore(status, el.nextSibling);

    function load() {
      var b = map.getBounds();
      var bbox = [
        Math.max(-180, b.getWest()).toFixed(5),
        Math.max(-90, b.getSouth()).toFixed(5),
        Math.min(180, b.getEast()).toFixed(5),
        Math.min(90, b.getNorth()).toFixed(5),
      ].join(',');
      var url = api + (api.indexOf('?') < 0 ? '?' : '&') + 'bbox=' + bbox + '&zoom=' + Math.round(map.getZoom());
      var mine = ++seq;
      fetch(url, { headers: { accept: 'application/geo+json, application/json' }, credentials: 'same-origin' })
        .then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.json();
        })
        .then(function (fc) {
          if (mine !== seq) return; // an older answer after a newer request
          points.clearLayers();
          clusters.clearLayers();
          var features = (fc && fc.features) || [];
          var markers = [];
          features.forEach(function (f) {
            var c = f.geometry && f.geometry.coordinates;
            if (!c || !isFinite(c[0]) || !isFinite(c[1])) return;
            var ll = [Number(c[1]), Number(c[0])];
            var p = f.properties || {};
            if (p.cluster) {
              var label = clusterText.replace('{n}', String(p.count));
              var m = L.marker(ll, { icon: clusterIcon(p.count), title: label, alt: label, keyboard: true });
              m.on('click', function () {
                map.setView(ll, Math.min(map.getZoom() + 2, 18));
              });
              clusters.addLayer(m);
            } else {
              var title = 'n. ' + p.number + ' – ' + (p.title || '');
              var mk = L.marker(ll, { icon: dotIcon(TONES[p.status] || '#5d7083'), title: title, alt: title, keyboard: true });
              mk.bindPopup(popup(p, openText));
              markers.push(mk);
            }
          });
          if (points.addLayers) points.addLayers(markers);
          else
            markers.forEach(function (m) {
              points.addLayer(m);
            });
          status.textContent = fc && typeof fc.total === 'number' ? String(fc.total) : '';
        })
        .catch(function () {
          if (mine !== seq) return;
          status.className = 'alert alert-warning mt-2';
          status.textContent = el.getAttribute('data-error-text') || '';
        });
    }

    map.on('moveend', function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(load, 150);
    });
    if (center.length === 3 && center.every(isFinite)) map.setView([center[0], center[1]], center[2]);
    else map.setView([41.9, 12.5], 6);
  }

  var maps = document.querySelectorAll('[data-reports-map]');
  for (var i = 0; i < maps.length; i++) {
    try {
      draw(maps[i]);
    } catch {
      maps[i].hidden = true;
    }
  }
})();
