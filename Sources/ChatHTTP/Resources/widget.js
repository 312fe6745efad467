/*
 * charter-chat widget: answers questions about the Stoke-on-Trent SEND Co-production Charter.
 * Embed with one tag: <script src="https://HOST/widget.js" defer></script>
 * The API base is taken from this script's own URL (or data-api="https://HOST" on the tag).
 * On a server that answers for several councils, data-council="ID" on the tag says whose charter.
 * Self-contained: no framework, no CDN; styles live in a Shadow DOM; replies are inserted as text.
 */
(function () {
  "use strict";
  if (window.__charterChatWidget) return;
  window.__charterChatWidget = true;

  var script = document.currentScript;
  var apiBase = (script && (script.getAttribute("data-api") || new URL(script.src, location.href).origin)) || "";
  var council = (script && script.getAttribute("data-council")) || "";
  // Each council's conversation is kept apart.
  var storageKey = "charter-chat-session" + (council ? "-" + council : "");

  var CSS = [
    ":host { all: initial; }",
    "*, *::before, *::after { box-sizing: border-box; }",
    ".root { --size: 1rem; font-family: Arial, Helvetica, sans-serif; font-size: var(--size); line-height: 1.5;",
    "  color: #0b0c0c; position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483000; }",
    ".launcher { font: inherit; font-weight: bold; color: #fff; background: #1d3c6e; border: 2px solid #1d3c6e;",
    "  border-radius: 2rem; padding: 0.75rem 1.25rem; cursor: pointer; min-height: 2.75rem;",
    "  box-shadow: 0 2px 6px rgba(0,0,0,0.3); }",
    ".launcher:hover { background: #14294b; }",
    "button:focus-visible, input:focus-visible { outline: 3px solid #ffbf47; outline-offset: 0;",
    "  box-shadow: 0 0 0 6px #0b0c0c; }",
    ".panel { display: flex; flex-direction: column; width: min(24rem, calc(100vw - 2rem));",
    "  height: min(36rem, calc(100vh - 2rem)); background: #fff; border: 2px solid #1d3c6e; border-radius: 0.5rem;",
    "  box-shadow: 0 4px 16px rgba(0,0,0,0.35); overflow-x: hidden; overflow-y: auto; }",
    ".panel[hidden], .launcher[hidden] { display: none; }",
    ".head { display: flex; align-items: center; gap: 0.25rem; background: #1d3c6e; color: #fff; padding: 0.5rem; }",
    ".head { flex-wrap: wrap; flex-shrink: 0; }",
    ".head h2 { font-size: 1.05em; margin: 0 auto 0 0.25rem; line-height: 1.3; flex: 1 1 8em; }",
    ".head button { font: inherit; color: #fff; background: transparent; border: 2px solid #fff;",
    "  border-radius: 0.25rem; min-width: 2.75rem; min-height: 2.75rem; cursor: pointer; padding: 0 0.4rem; }",
    ".head button:hover { background: #14294b; }",
    ".log { flex: 1 0 8em; overflow-y: auto; padding: 0.75rem; background: #f3f2f1; }",
    ".msg { margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; border-radius: 0.5rem; border: 1px solid #b1b4b6;",
    "  max-width: 92%; overflow-wrap: anywhere; }",
    ".msg.user { background: #fff; margin-left: auto; border-color: #1d3c6e; }",
    ".msg.bot { background: #fff; }",
    ".who { display: block; font-weight: bold; font-size: 0.85em; color: #1d3c6e; margin-bottom: 0.15rem; }",
    ".text { white-space: pre-line; margin: 0; }",
    ".tools { margin-top: 0.4rem; }",
    ".tools button, .suggestions button { font: inherit; font-size: 0.95em; color: #1d3c6e; background: #fff;",
    "  border: 2px solid #1d3c6e; border-radius: 1rem; padding: 0.3rem 0.75rem; margin: 0.2rem 0.3rem 0 0;",
    "  cursor: pointer; min-height: 2.75rem; text-align: left; }",
    ".tools button:hover, .suggestions button:hover, .feedback button:hover { background: #e8eef7; }",
    ".feedback { margin-top: 0.4rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem; }",
    ".feedback .ask { font-size: 0.9em; margin-right: 0.2rem; }",
    ".feedback button { font: inherit; font-size: 0.9em; color: #1d3c6e; background: #fff; border: 2px solid #1d3c6e;",
    "  border-radius: 1rem; padding: 0.2rem 0.7rem; min-height: 2.75rem; cursor: pointer; }",
    ".thanks { margin: 0.4rem 0 0; font-size: 0.9em; color: #0b0c0c; }",
    ".thanks:focus-visible { outline: 3px solid #ffbf47; }",
    ".suggestions { padding: 0.25rem 0.75rem 0.5rem; background: #f3f2f1; max-height: 40%; overflow-y: auto;",
    "  flex-shrink: 0; }",
    ".suggestions:empty { display: none; }",
    ".form { flex-shrink: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; padding: 0.6rem; border-top: 1px solid #b1b4b6; }",
    ".form label { flex-basis: 100%; font-weight: bold; font-size: 0.9em; }",
    ".form input { flex: 1; min-width: 0; font: inherit; padding: 0.5rem; border: 2px solid #0b0c0c;",
    "  border-radius: 0.25rem; min-height: 2.75rem; }",
    ".form button { font: inherit; font-weight: bold; color: #fff; background: #00703c; border: 2px solid #00703c;",
    "  border-radius: 0.25rem; padding: 0 1rem; min-height: 2.75rem; cursor: pointer; }",
    ".form button:hover { background: #005a30; }",
    ".thinking { font-style: italic; color: #505a5f; }",
    ".head .simpler[aria-pressed=true] { background: #0b0c0c; color: #fff; }",
    ".exact { margin-top: 0.5rem; }",
    ".exact summary { cursor: pointer; text-decoration: underline; color: #1d4f91; }",
    ".exact summary:focus { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; }",
    ".text a.phone { color: #1d4f91; font-weight: bold; text-decoration: underline; white-space: nowrap; }",
    ".text a.phone:focus { outline: 3px solid #ffdd00; outline-offset: 0; background: #ffdd00; color: #0b0c0c; }",
    ".sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;",
    "  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }",
    "@media (max-width: 30rem) { .root { right: 0.5rem; bottom: 0.5rem; left: 0.5rem; }",
    "  .panel { width: 100%; height: calc(100vh - 1rem); } .launcher { float: right; } }",
    "@media (prefers-reduced-motion: no-preference) { .panel { animation: rise 0.15s ease-out; } }",
    "@keyframes rise { from { transform: translateY(0.5rem); opacity: 0; } to { transform: none; opacity: 1; } }",
    "@media (forced-colors: active) { .launcher, .panel, .msg, button { border: 2px solid CanvasText; } }",
  ].join("\n");

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    for (var name in attributes || {}) node.setAttribute(name, attributes[name]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function Widget(container) {
    this.sessionId = null;
    try { this.sessionId = sessionStorage.getItem(storageKey); } catch (e) { /* storage may be blocked */ }
    this.easy = false;
    try { this.easy = sessionStorage.getItem(storageKey + ".easy") === "1"; } catch (e) { /* storage may be blocked */ }
    this.lastQuestion = null;
    this.lastReplyItem = null;
    this.sizes = ["1rem", "1.15rem", "1.3rem", "1.5rem"];
    this.size = 0;
    this.started = false;
    this.busy = false;
    this.build(container);
  }

  Widget.prototype.build = function (container) {
    var shadow = container.attachShadow({ mode: "open" });
    if ("adoptedStyleSheets" in shadow && typeof CSSStyleSheet === "function" && CSSStyleSheet.prototype.replaceSync) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } else {
      shadow.appendChild(el("style", {}, CSS));
    }
    var root = el("div", { class: "root" });
    this.root = root;

    this.launcher = el("button", { type: "button", class: "launcher", "aria-expanded": "false",
      "aria-controls": "cc-panel" }, "Ask about co-production");

    var panel = el("section", { id: "cc-panel", class: "panel", role: "dialog", "aria-modal": "false",
      "aria-labelledby": "cc-title", hidden: "" });
    this.panel = panel;

    var head = el("div", { class: "head" });
    head.appendChild(el("h2", { id: "cc-title" }, "Co-production charter helper"));
    this.simpler = el("button", { type: "button", class: "simpler", "aria-pressed": this.easy ? "true" : "false" },
      "Simpler words");
    head.appendChild(this.simpler);
    this.smaller = el("button", { type: "button", "aria-label": "Make text smaller" }, "A\u2212");
    this.larger = el("button", { type: "button", "aria-label": "Make text larger" }, "A+");
    this.close = el("button", { type: "button", "aria-label": "Close chat" }, "\u00d7");
    head.appendChild(this.smaller);
    head.appendChild(this.larger);
    head.appendChild(this.close);

    this.log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
      "aria-label": "Conversation", tabindex: "0" });
    this.suggestions = el("div", { class: "suggestions", role: "group", "aria-label": "Suggested questions" });

    var form = el("form", { class: "form", novalidate: "" });
    form.appendChild(el("label", { for: "cc-input" }, "Type your question"));
    this.input = el("input", { id: "cc-input", type: "text", maxlength: "500", autocomplete: "off",
      enterkeyhint: "send" });
    form.appendChild(this.input);
    form.appendChild(el("button", { type: "submit" }, "Send"));
    this.form = form;

    panel.appendChild(head);
    panel.appendChild(this.log);
    panel.appendChild(this.suggestions);
    panel.appendChild(form);
    root.appendChild(this.launcher);
    root.appendChild(panel);
    shadow.appendChild(root);

    var self = this;
    this.launcher.addEventListener("click", function () { self.open(); });
    this.close.addEventListener("click", function () { self.hide(); });
    this.smaller.addEventListener("click", function () { self.resize(-1); });
    this.larger.addEventListener("click", function () { self.resize(1); });
    this.simpler.addEventListener("click", function () { self.toggleEasy(); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.send(self.input.value);
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        self.hide();
      }
    });
  };

  Widget.prototype.open = function () {
    this.panel.hidden = false;
    this.launcher.hidden = true;
    this.launcher.setAttribute("aria-expanded", "true");
    this.input.focus();
    if (!this.started) {
      this.started = true;
      this.welcome();
    }
  };

  Widget.prototype.hide = function () {
    if ("speechSynthesis" in window) window.speechSynthesis.cancel();
    this.panel.hidden = true;
    this.launcher.hidden = false;
    this.launcher.setAttribute("aria-expanded", "false");
    this.launcher.focus();
  };

  // "Simpler words": easy read for the rest of the conversation. The last answer is asked again in
  // the new style at once and shown in place of the old one (the service does not count it twice).
  Widget.prototype.toggleEasy = function () {
    // While a question is on its way the last answer is about to change: the toggle waits for it.
    if (this.busy) return;
    this.easy = !this.easy;
    this.simpler.setAttribute("aria-pressed", this.easy ? "true" : "false");
    try { sessionStorage.setItem(storageKey + ".easy", this.easy ? "1" : "0"); } catch (e) { /* ignore */ }
    if (this.lastQuestion && this.lastReplyItem) {
      this.request(this.lastQuestion, true, this.lastReplyItem);
    } else if (this.lastReplyItem) {
      var old = this.lastReplyItem;
      this.welcome(old);
    }
  };

  Widget.prototype.resize = function (step) {
    this.size = Math.max(0, Math.min(this.sizes.length - 1, this.size + step));
    this.root.style.setProperty("--size", this.sizes[this.size]);
    this.smaller.disabled = this.size === 0;
    this.larger.disabled = this.size === this.sizes.length - 1;
  };

  Widget.prototype.welcome = function (replacing) {
    var self = this;
    var query = [];
    if (this.sessionId) query.push("sessionId=" + encodeURIComponent(this.sessionId));
    if (this.easy) query.push("style=easy");
    if (council) query.push("council=" + encodeURIComponent(council));
    var url = apiBase + "/api/welcome" + (query.length ? "?" + query.join("&") : "");
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (reply) { self.showReply(reply, replacing); })
      .catch(function () {
        self.addMessage("bot", "Hello. I can answer questions about the Stoke-on-Trent SEND Co-production Charter.");
      });
  };

  // Phone numbers in a safeguarding reply become links a young person on a phone can tap: tel: for
  // calls, sms: for the text line (SHOUT). The text itself is unchanged.
  var phonePattern = /0\d{3,4} \d{3} \d{4}|0\d{4} \d{6}|0800 1111|116 123|\b999\b|\b85258\b/g;
  function linkPhoneNumbers(node, text) {
    if (!node) return;
    node.textContent = "";
    var last = 0;
    text.replace(phonePattern, function (number, offset) {
      node.appendChild(document.createTextNode(text.slice(last, offset)));
      var digits = number.replace(/\D/g, "");
      var texting = digits === "85258";
      var link = el("a", {
        class: "phone",
        href: texting ? "sms:85258?body=SHOUT" : "tel:" + digits,
        "aria-label": (texting ? "Text SHOUT to " : "Call ") + number
      }, number);
      node.appendChild(link);
      last = offset + number.length;
      return number;
    });
    node.appendChild(document.createTextNode(text.slice(last)));
  }

  Widget.prototype.addMessage = function (who, text, replacing) {
    var item = el("div", { class: "msg " + who });
    item.appendChild(el("span", { class: "who" }, who === "user" ? "You said:" : "Helper said:"));
    item.appendChild(el("p", { class: "text" }, text));
    if (replacing && replacing.parentNode === this.log) {
      this.log.replaceChild(item, replacing);
    } else {
      this.log.appendChild(item);
    }
    this.log.scrollTop = this.log.scrollHeight;
    return item;
  };

  Widget.prototype.showReply = function (reply, replacing) {
    if (reply.sessionId) {
      this.sessionId = reply.sessionId;
      try { sessionStorage.setItem(storageKey, reply.sessionId); } catch (e) { /* ignore */ }
    }
    var item = this.addMessage("bot", reply.reply || "", replacing);
    this.lastReplyItem = item;
    if (reply.style === "easy" && reply.sources && reply.sources.length) {
      // The charter's exact words, one tap away under an easy-read answer.
      var exact = el("details", { class: "exact" });
      exact.appendChild(el("summary", {}, "Show the charter's exact words"));
      var list = el("ul", {});
      reply.sources.forEach(function (source) {
        list.appendChild(el("li", {}, source.text + " (" + source.cornerstone + ")"));
      });
      exact.appendChild(list);
      item.appendChild(exact);
    }
    if (reply.kind === "safeguarding") linkPhoneNumbers(item.querySelector(".text"), reply.reply || "");
    if ("speechSynthesis" in window && typeof SpeechSynthesisUtterance === "function") {
      var tools = el("div", { class: "tools" });
      var read = el("button", { type: "button" }, "Read aloud");
      read.setAttribute("aria-label", "Read this reply aloud");
      read.addEventListener("click", function () {
        window.speechSynthesis.cancel();
        var utterance = new SpeechSynthesisUtterance((reply.reply || "").replace(/\u2022/g, ""));
        utterance.lang = "en-GB";
        window.speechSynthesis.speak(utterance);
      });
      tools.appendChild(read);
      item.appendChild(tools);
    }
    if (reply.messageId && (reply.kind === "answer" || reply.kind === "fallback" || reply.kind === "clarify")) {
      item.appendChild(this.feedbackControls(reply));
    }
    this.setSuggestions(reply.suggestions || []);
  };

  Widget.prototype.feedbackControls = function (reply) {
    var self = this;
    var group = el("div", { class: "feedback", role: "group", "aria-label": "Was this helpful?" });
    group.appendChild(el("span", { class: "ask", "aria-hidden": "true" }, "Was this helpful?"));
    [[true, "\ud83d\udc4d Yes", "Yes, this helped"], [false, "\ud83d\udc4e No", "No, this did not help"]].forEach(function (choice) {
      var button = el("button", { type: "button", "aria-label": choice[2] }, choice[1]);
      button.addEventListener("click", function () { self.sendFeedback(reply, choice[0], group); });
      group.appendChild(button);
    });
    return group;
  };

  Widget.prototype.sendFeedback = function (reply, helpful, group) {
    var thanks = el("p", { class: "thanks", tabindex: "-1" }, helpful ? "Thank you. I'm glad it helped."
      : "Thank you for telling me. People who look after this helper will see it.");
    group.parentNode.replaceChild(thanks, group);
    thanks.focus();
    fetch(apiBase + "/api/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(
        council
          ? { sessionId: this.sessionId, messageId: reply.messageId, helpful: helpful, council: council }
          : { sessionId: this.sessionId, messageId: reply.messageId, helpful: helpful }),
    }).catch(function () { /* feedback is best effort */ });
  };

  Widget.prototype.setSuggestions = function (suggestions) {
    var self = this;
    while (this.suggestions.firstChild) this.suggestions.removeChild(this.suggestions.firstChild);
    suggestions.slice(0, 4).forEach(function (text) {
      var button = el("button", { type: "button" }, text);
      button.addEventListener("click", function () {
        self.input.focus();
        self.send(text);
      });
      self.suggestions.appendChild(button);
    });
  };

  Widget.prototype.send = function (text) {
    var message = (text || "").trim();
    if (!message || this.busy) return;
    this.input.value = "";
    this.addMessage("user", message);
    this.request(message, false, null);
  };

  // Asks the service; a repeat (the same question in the other style) replaces `replacing`.
  Widget.prototype.request = function (message, repeat, replacing) {
    if (this.busy) return;
    this.busy = true;
    var thinking = el("p", { class: "thinking", "aria-hidden": "true" }, "Thinking\u2026");
    this.log.appendChild(thinking);
    var self = this;
    var body = { message: message };
    if (this.sessionId) body.sessionId = this.sessionId;
    if (this.easy) body.style = "easy";
    if (repeat) body.repeat = true;
    if (council) body.council = council;
    fetch(apiBase + "/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          return { ok: response.ok, status: response.status, json: json };
        });
      })
      .then(function (result) {
        if (result.ok) {
          // Only a question that was answered is the one the toggle asks again.
          if (!repeat) self.lastQuestion = message;
          self.showReply(result.json, replacing);
        } else if (result.status === 429) {
          self.addMessage("bot", "Sorry, there have been a lot of questions. Please wait a moment and try again.");
        } else {
          var error = result.json && result.json.error;
          self.addMessage("bot", (error && error.message) || "Sorry, something went wrong. Please try again.");
        }
      })
      .catch(function () {
        self.addMessage("bot", "Sorry, I can't connect right now. Please check your connection and try again.");
      })
      .then(function () {
        if (thinking.parentNode) thinking.parentNode.removeChild(thinking);
        self.busy = false;
      });
  };

  function start() {
    var container = el("div", { id: "charter-chat-widget" });
    document.body.appendChild(container);
    window.charterChat = new Widget(container);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
