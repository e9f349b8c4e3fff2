/* Directory map: Leaflet + markercluster (vendored). Progressive enhancement: without JavaScript or
   tiles the page keeps its full list; every marker is focusable (Tab) and opens its popup (Enter).
   Editors' text (street and merchant names, categories) only ever reaches the page as DOM text nodes
   (textContent, or nodes handed to Leaflet): Leaflet's tooltips, popups and icons insert strings as
   HTML. The only HTML strings here are the cluster icon (a number) and the operator's tile attribution. */
(function () {
  "use strict";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function popupFor(item) {
    var box = element("div", "map-popup");
    var title = element("p", "map-popup__title");
    if (item.url) {
      var link = element("a", "", item.name);
      link.href = item.url;
      title.appendChild(link);
    } else {
      title.textContent = item.name;
    }
    box.appendChild(title);
    box.appendChild(element("p", "", item.category));
    if (item.methods) { box.appendChild(element("p", "", "Nhận: " + item.methods)); }
    return box;
  }

  function clusterIcon(cluster) {
    var count = cluster.getChildCount();
    var size = count < 10 ? "small" : (count < 100 ? "medium" : "large");
    var html = '<div><span aria-hidden="true">' + count + '</span><span class="visually-hidden">Nhóm ' + count +
      " cửa hàng, nhấn Enter để phóng to</span></div>";
    return L.divIcon({ html: html, className: "marker-cluster marker-cluster-" + size, iconSize: L.point(40, 40) });
  }

  function init(container) {
    var source = document.getElementById(container.getAttribute("data-directory-map"));
    if (!source || typeof L === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    container.textContent = "";
    var map = L.map(container, { zoomControl: false, scrollWheelZoom: false, keyboard: true });
    L.control.zoom({ zoomInTitle: "Phóng to", zoomOutTitle: "Thu nhỏ" }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
    L.tileLayer(data.tiles.url, { attribution: data.tiles.attribution, maxZoom: 19 }).addTo(map);

    var bounds = L.latLngBounds([]);
    data.streets.forEach(function (street) {
      var line = L.polyline(street.points, {
        color: street.active ? "#00703c" : "#4a5560", weight: 7, opacity: 0.85, dashArray: street.active ? null : "8 8"
      }).addTo(map);
      // A DOM node, never a string: Leaflet inserts string content as HTML, and the name is editors' text.
      line.bindTooltip(element("span", "", street.name));
      line.on("click", function () { if (street.url) { window.location.href = street.url; } });
      bounds.extend(line.getBounds());
    });

    var group = L.markerClusterGroup ? L.markerClusterGroup({
      iconCreateFunction: clusterIcon, showCoverageOnHover: false, disableClusteringAtZoom: 18, maxClusterRadius: 50
    }) : L.featureGroup();
    data.merchants.forEach(function (item) {
      var marker = L.marker([item.lat, item.lon], { title: item.name, alt: item.name, keyboard: true });
      marker.bindPopup(popupFor(item));
      group.addLayer(marker);
      bounds.extend([item.lat, item.lon]);
    });
    map.addLayer(group);

    if (bounds.isValid()) {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
    } else {
      var b = data.bounds;
      map.fitBounds([[b.south, b.west], [b.north, b.east]]);
    }
    container.setAttribute("data-map-ready", "true");
    var help = container.parentNode.querySelector("[data-map-help]");
    if (help) { help.hidden = false; }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-directory-map]"), init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
