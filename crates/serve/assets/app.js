// Parallax pages: the little behaviour plain HTML lacks. Everything works
// without this file (forms post normally, <details> expand natively); with
// it, ingest uploads show progress and results without leaving the page,
// and following a link to a sentence opens the <details> holding it.
"use strict";

(function () {
  // Open every <details> around the element a #fragment points at, so a
  // link into a folded list shows its target.
  function revealTarget() {
    if (!location.hash) return;
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    if (target) target.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", revealTarget);
  document.addEventListener("DOMContentLoaded", revealTarget);

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("ingest-form");
    if (form) setUpIngest(form);
  });

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setUpIngest(form) {
    var input = document.getElementById("upload-file");
    var zone = document.getElementById("drop-zone");
    var list = document.getElementById("drop-list");
    var paste = document.getElementById("paste-text");
    var status = document.getElementById("ingest-status");
    var submit = document.getElementById("ingest-submit");

    function showChosen() {
      var names = Array.prototype.map.call(input.files, function (file) {
        return file.name;
      });
      list.textContent = names.length ? names.length + " chosen: " + names.join(", ") : "";
    }
    input.addEventListener("change", showChosen);

    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.add("dragging");
      });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.remove("dragging");
      });
    });
    zone.addEventListener("drop", function (event) {
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        showChosen();
      }
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = new FormData();
      Array.prototype.forEach.call(input.files, function (file) {
        data.append("file", file, file.name);
      });
      if (paste.value.trim()) {
        data.append("file", new Blob([paste.value], { type: "text/plain" }), "pasted.txt");
      }
      if (!input.files.length && !paste.value.trim()) {
        status.replaceChildren(element("p", { class: "ingest-error" }, "Choose or drop a file, or paste some text first."));
        return;
      }
      upload(data);
    });

    function upload(data) {
      var progress = element("progress", { id: "ingest-progress", max: "100", value: "0" });
      var line = element("p", { class: "ingest-phase" }, "Uploading…");
      status.replaceChildren(line, progress);
      submit.disabled = true;
      var request = new XMLHttpRequest();
      request.open("POST", "/api/ingest");
      request.responseType = "json";
      request.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) {
          var percent = Math.round((100 * event.loaded) / event.total);
          progress.value = percent;
          line.textContent = "Uploading… " + percent + "%";
        }
      });
      request.upload.addEventListener("load", function () {
        progress.removeAttribute("value");
        line.textContent = "Analysing…";
      });
      request.addEventListener("load", function () {
        submit.disabled = false;
        var body = request.response;
        if (request.status >= 200 && request.status < 300 && body) {
          showReport(body);
        } else {
          var message = body && body.error ? body.error.message : "HTTP " + request.status;
          status.replaceChildren(element("p", { class: "ingest-error" }, "Ingest failed: " + message));
        }
      });
      request.addEventListener("error", function () {
        submit.disabled = false;
        status.replaceChildren(element("p", { class: "ingest-error" }, "Ingest failed: the server could not be reached."));
      });
      request.send(data);
    }

    // Draws the API's ingest report the way the server's result page does
    // (pages/ingest.rs, `outcome`).
    function showReport(report) {
      var counts = report.counts || {};
      var failed = report.failed || [];
      var nodes = [];
      var summary = counts.new + " new, " + counts.duplicate + " already stored, " + counts.revised + " revised";
      if (failed.length) summary += ", " + failed.length + " failed";
      nodes.push(element("p", { class: "ingest-counts" }, summary + "."));
      function links(heading, ids, listClass, className, path, label) {
        if (!ids || !ids.length) return;
        nodes.push(element("h2", {}, heading));
        var list = element("ul", { class: listClass });
        ids.forEach(function (id) {
          var item = element("li");
          item.appendChild(element("a", { class: className, href: path + encodeURIComponent(id) }, label + " " + id));
          list.appendChild(item);
        });
        nodes.push(list);
      }
      links("Articles", report.articles, "ingested-articles", "ingested-article", "/articles/", "Article");
      links("Stories", report.stories, "ingested-stories", "ingested-story", "/stories/", "Story");
      if (failed.length) {
        nodes.push(element("h2", {}, "Not ingested"));
        var list = element("ul", { class: "ingest-failed" });
        failed.forEach(function (failure) {
          var item = element("li");
          item.appendChild(element("strong", {}, failure.name));
          item.appendChild(document.createTextNode(": " + failure.reason));
          list.appendChild(item);
        });
        nodes.push(list);
      }
      if (report.warnings && report.warnings.length) {
        var warnings = element("ul", { class: "ingest-warnings" });
        report.warnings.forEach(function (warning) {
          warnings.appendChild(element("li", {}, warning));
        });
        nodes.push(warnings);
      }
      status.replaceChildren.apply(status, nodes);
    }
  }
})();
