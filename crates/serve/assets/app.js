// dyad serve: the one script of the page. Pages work without it (tables and
// charts are rendered on the server); it lays the actor network out with a
// small force simulation and lets nodes be dragged.
(function () {
  "use strict";
  var svg = document.getElementById("graph");
  if (!svg) return;
  var nodes = Array.prototype.map.call(svg.querySelectorAll(".node"), function (g) {
    return { el: g, x: +g.getAttribute("data-x"), y: +g.getAttribute("data-y"), vx: 0, vy: 0, fixed: false };
  });
  var edges = Array.prototype.map.call(svg.querySelectorAll(".edge"), function (l) {
    return { el: l, s: nodes[+l.getAttribute("data-s")], t: nodes[+l.getAttribute("data-t")], w: +l.getAttribute("data-n") };
  }).filter(function (e) { return e.s && e.t; });
  var box = svg.viewBox.baseVal, W = box.width, H = box.height;
  var k = Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 0.75;

  function step(alpha) {
    var i, j, a, b, dx, dy, d, f;
    for (i = 0; i < nodes.length; i++) {
      for (j = i + 1; j < nodes.length; j++) {
        a = nodes[i]; b = nodes[j];
        dx = a.x - b.x; dy = a.y - b.y; d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        f = (k * k) / d * alpha * 0.02;
        a.vx += dx / d * f; a.vy += dy / d * f; b.vx -= dx / d * f; b.vy -= dy / d * f;
      }
    }
    edges.forEach(function (e) {
      dx = e.t.x - e.s.x; dy = e.t.y - e.s.y; d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      f = (d * d) / k * alpha * 0.02 * Math.min(1 + Math.log(e.w), 3);
      e.s.vx += dx / d * f; e.s.vy += dy / d * f; e.t.vx -= dx / d * f; e.t.vy -= dy / d * f;
    });
    nodes.forEach(function (n) {
      n.vx += (W / 2 - n.x) * 0.06 * alpha; n.vy += (H / 2 - n.y) * 0.06 * alpha;
      if (!n.fixed) {
        n.x = Math.max(20, Math.min(W - 20, n.x + n.vx)); n.y = Math.max(20, Math.min(H - 20, n.y + n.vy));
      }
      n.vx *= 0.6; n.vy *= 0.6;
    });
  }

  function draw() {
    nodes.forEach(function (n) { n.el.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")"); });
    edges.forEach(function (e) {
      e.el.setAttribute("x1", e.s.x.toFixed(1)); e.el.setAttribute("y1", e.s.y.toFixed(1));
      e.el.setAttribute("x2", e.t.x.toFixed(1)); e.el.setAttribute("y2", e.t.y.toFixed(1));
    });
  }

  // Settle most of the layout at once, then animate the rest.
  var alpha = 1, i;
  for (i = 0; i < 200; i++) { step(alpha); alpha *= 0.985; }
  draw();
  svg.setAttribute("data-layout", "force");
  function tick() {
    if (alpha < 0.02) return;
    step(alpha); alpha *= 0.97; draw();
    window.requestAnimationFrame(tick);
  }
  window.requestAnimationFrame(tick);

  var dragging = null;
  function point(ev) {
    var p = svg.createSVGPoint(); p.x = ev.clientX; p.y = ev.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  nodes.forEach(function (n) {
    n.el.addEventListener("pointerdown", function (ev) { dragging = n; n.fixed = true; n.el.setPointerCapture(ev.pointerId); });
  });
  svg.addEventListener("pointermove", function (ev) {
    if (!dragging) return;
    var p = point(ev); dragging.x = p.x; dragging.y = p.y; draw();
  });
  svg.addEventListener("pointerup", function () { dragging = null; });
})();
