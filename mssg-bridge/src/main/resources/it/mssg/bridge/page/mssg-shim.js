// mssg page shim: translates between window.WPP (the subset of wa-js listed in DESIGN.md, nothing else)
// and the bridge. Events go to Java through the exposed binding __mssgEmit; Java calls window.__mssg.* with
// evaluate. Every object handed to Java is a plain copy, never a WhatsApp model.
(function () {
  'use strict';
  if (window.top !== window || window.__mssg) {
    return;
  }
  // Before wa-js loads: no analytics, no third-party link previews, nothing posted to the status.
  window.WPPConfig = {disableGoogleAnalytics: true, linkPreviewApiServers: null, sendStatusToDevice: false};

  // Events travel in batches with one binding call in flight at a time: Playwright for Java answers each
  // binding call synchronously, so a flood of separate calls would pile up on its thread.
  var outbox = [];
  var inFlight = false;
  function emit(event) {
    outbox.push(event);
    flush();
  }

  function flush() {
    if (inFlight || outbox.length === 0 || typeof window.__mssgEmit !== 'function') {
      return;
    }
    var batch = outbox.splice(0, 500);
    inFlight = true;
    var done = function () {
      inFlight = false;
      flush();
    };
    try {
      Promise.resolve(window.__mssgEmit(batch)).then(done, done);
    } catch (e) {
      done();
    }
  }

  function wid(w) {
    if (!w) {
      return null;
    }
    return {_serialized: w._serialized, user: w.user, server: w.server};
  }

  function widId(w) {
    return w ? w._serialized : null;
  }

  function msgKey(k) {
    return k ? k._serialized : null;
  }

  function message(m) {
    return {
      id: msgKey(m.id),
      fromMe: !!(m.id && m.id.fromMe),
      chat: m.id && m.id.remote ? widId(m.id.remote) : null,
      from: widId(m.from),
      to: widId(m.to),
      author: widId(m.author),
      body: m.body == null ? null : String(m.body),
      type: m.type == null ? null : String(m.type),
      t: m.t,
      ack: m.ack
    };
  }

  function contact(c) {
    return {id: widId(c.id), name: c.name == null ? null : String(c.name),
      pushname: c.pushname == null ? null : String(c.pushname), isBusiness: !!c.isBusiness, isMyContact: !!c.isMyContact};
  }

  function chat(c) {
    var labels = c.labels;
    return {id: widId(c.id), name: c.name == null ? null : String(c.name), isGroup: !!c.isGroup,
      unreadCount: c.unreadCount || 0, t: c.t || 0, labels: labels ? Array.prototype.slice.call(labels).map(String) : []};
  }

  function authCode(code) {
    return code ? {type: code.type, ref: code.ref, fullCode: code.fullCode} : null;
  }

  var contactsCache = [];
  var chatsCache = [];

  function page(list, offset, limit) {
    return {total: list.length, items: list.slice(offset, offset + limit)};
  }

  function withTimeout(promise, ms, what) {
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(function () { reject(new Error(what + ' timed out after ' + ms + ' ms')); }, ms);
      promise.then(function (v) { clearTimeout(timer); resolve(v); },
        function (e) { clearTimeout(timer); reject(e); });
    });
  }

  // Commands, called by the bridge with page.evaluate. Each returns plain data.
  window.__mssg = {
    heartbeat: function () {
      return {wpp: !!window.WPP, ready: hooked, t: Date.now()};
    },
    contacts: async function (offset, limit) {
      if (offset === 0) {
        contactsCache = (await WPP.contact.list()).map(contact);
      }
      return page(contactsCache, offset, limit);
    },
    chats: async function (offset, limit) {
      if (offset === 0) {
        chatsCache = (await WPP.chat.list()).map(chat);
      }
      return page(chatsCache, offset, limit);
    },
    labels: async function () {
      var labels = await WPP.labels.getAllLabels();
      return (labels || []).map(function (l) { return {id: String(l.id), name: String(l.name), hexColor: l.hexColor || null}; });
    },
    messages: async function (chatIds, count) {
      var out = await Promise.all(chatIds.map(function (id) {
        return WPP.chat.getMessages(id, {count: count, direction: 'before'}).then(function (msgs) {
          return (msgs || []).map(message);
        }, function (e) { return {error: String(e && e.message || e), chat: id}; });
      }));
      return out;
    },
    queryExists: async function (id) {
      var result = await WPP.contact.queryExists(id);
      return result ? widId(result.wid) : null;
    },
    // A group is not a phone number, so queryExists never finds one: a group can be sent to only if it is a
    // chat the page has. chat.get only looks in the page's own chats; chat.find would create a missing one.
    // A group the account left (or was removed from) stays in the list, read-only: WhatsApp sends nothing there.
    knownChat: function (id) {
      var found = WPP.chat.get(id);
      return found ? {id: widId(found.id), readOnly: !!found.isReadOnly} : null;
    },
    composing: async function (chatId, ms) {
      await WPP.chat.markIsComposing(chatId, ms);
      return true;
    },
    // Starts a send and answers at once; the outcome arrives as a 'sent' event so the bridge's thread
    // is never held while WhatsApp waits for the server ack.
    send: function (ticket, chatId, text, timeoutMs) {
      withTimeout(WPP.chat.sendTextMessage(chatId, text,
        {createChat: true, markIsRead: false, linkPreview: false, waitForAck: true}), timeoutMs, 'send')
        .then(function (r) { emit({type: 'sent', ticket: ticket, id: String(r.id), ack: r.ack}); },
          function (e) { emit({type: 'sent', ticket: ticket, error: String(e && e.message || e)}); });
      return ticket;
    },
    logout: async function () {
      return await WPP.conn.logout();
    },
    me: function () {
      return widId(WPP.conn.getMyUserId());
    }
  };

  var hooked = false;

  function reportLogin() {
    if (WPP.conn.isMainReady()) {
      emit({type: 'main_ready', me: widId(WPP.conn.getMyUserId())});
    } else if (WPP.conn.isAuthenticated()) {
      emit({type: 'authenticated'});
    } else {
      WPP.conn.getAuthCode().then(function (code) {
        if (code) {
          emit({type: 'auth_code', code: authCode(code)});
        }
      }, function () { /* the next auth_code_change brings it */ });
    }
  }

  function hook() {
    if (hooked) {
      return;
    }
    hooked = true;
    WPP.on('conn.auth_code_change', function (code) { emit({type: 'auth_code', code: authCode(code)}); });
    WPP.on('conn.authenticated', function () { emit({type: 'authenticated'}); });
    WPP.on('conn.main_ready', function () { emit({type: 'main_ready', me: widId(WPP.conn.getMyUserId())}); });
    WPP.on('conn.logout', function () { emit({type: 'logout'}); });
    WPP.on('conn.require_auth', function () { emit({type: 'require_auth'}); });
    WPP.on('chat.new_message', function (m) { emit({type: 'message', message: message(m)}); });
    WPP.on('chat.msg_ack_change', function (e) {
      emit({type: 'ack', ack: e.ack, chat: widId(e.chat), ids: (e.ids || []).map(msgKey)});
    });
    emit({type: 'ready'});
    reportLogin();
  }

  // wa-js (or the page's own WPP) may appear after this script: wait for it, give up after a while.
  var started = Date.now();
  var onReadyAsked = false;
  var waiting = setInterval(function () {
    flush();
    if (hooked) {
      clearInterval(waiting);
      return;
    }
    if (window.WPP) {
      if (WPP.isReady) {
        hook();
        return;
      }
      if (!onReadyAsked) {
        onReadyAsked = true;
        WPP.loader.onReady(hook);
      }
    }
    if (Date.now() - started > 60000) {
      // no WPP, or a wa-js that does not understand this WhatsApp Web version
      clearInterval(waiting);
      emit({type: 'no_wpp', present: !!window.WPP});
    }
  }, 50);
})();
