// The simulator's window.WPP: exactly the wa-js subset listed in DESIGN.md, with wa-js-shaped objects, backed
// by the simulated network over HTTP. Every object is strict: touching anything outside the subset is
// reported to the network (GET /control/state lists it) and answers undefined.
(function () {
  'use strict';
  // The device token is kept twice, as WhatsApp Web keeps its keys: in IndexedDB, which reaches the disk at
  // once and so survives a browser that is killed, and in a cookie, which ignores the port and so survives a
  // simulator that comes back on another random port after an app restart.
  var TOKEN_KEY = 'mssgSimToken';
  function idb(mode, action) {
    return new Promise(function (resolve) {
      var open = indexedDB.open('mssg-simulator', 1);
      open.onupgradeneeded = function () { open.result.createObjectStore('device'); };
      open.onerror = function () { resolve(null); };
      open.onsuccess = function () {
        var tx = open.result.transaction('device', mode);
        var request = action(tx.objectStore('device'));
        tx.oncomplete = function () { resolve(request.result === undefined ? null : request.result); open.result.close(); };
        tx.onerror = function () { resolve(null); open.result.close(); };
      };
    });
  }
  var tokenStore = {
    get: function () {
      var match = document.cookie.match(/(?:^|; )mssgSimToken=([^;]*)/);
      if (match) {
        return Promise.resolve(decodeURIComponent(match[1]));
      }
      return idb('readonly', function (store) { return store.get(TOKEN_KEY); });
    },
    set: function (value) {
      document.cookie = TOKEN_KEY + '=' + encodeURIComponent(value) + '; Path=/; Max-Age=31536000; SameSite=Strict';
      idb('readwrite', function (store) { return store.put(value, TOKEN_KEY); });
    },
    remove: function () {
      document.cookie = TOKEN_KEY + '=; Path=/; Max-Age=0; SameSite=Strict';
      idb('readwrite', function (store) { return store.delete(TOKEN_KEY); });
    }
  };
  var token = null;
  var listeners = {};
  var readyCallbacks = [];
  var seq = 0;
  var acked = {};
  var ackWaiters = {};
  var state = {ready: false, authenticated: false, mainReady: false, authCode: null, me: null,
    contacts: [], chats: [], labels: [], messages: {}, typing: null, recent: []};

  function report(what) {
    fetch('/wa/api/violation', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({what: what})}).catch(function () {});
  }

  function strict(target, name) {
    var allowed = Object.keys(target);
    return new Proxy(target, {
      get: function (t, key, receiver) {
        if (typeof key === 'symbol') {
          return Reflect.get(t, key, receiver);
        }
        if (allowed.indexOf(key) < 0) {
          if (key !== 'then') { // promise resolution looks for .then on every value: not an API access
            report(name + '.' + key);
          }
          return undefined;
        }
        return Reflect.get(t, key, receiver);
      },
      set: function (t, key) {
        report('write ' + name + '.' + String(key));
        return true;
      },
      has: function (t, key) {
        if (typeof key !== 'symbol' && allowed.indexOf(key) < 0) {
          report('in ' + name + '.' + key);
        }
        return Reflect.has(t, key);
      },
      ownKeys: function (t) {
        report('keys of ' + name);
        return Reflect.ownKeys(t);
      },
      deleteProperty: function (t, key) {
        report('delete ' + name + '.' + String(key));
        return true;
      }
    });
  }

  function wid(w) {
    return w ? strict({_serialized: w._serialized, user: w.user, server: w.server}, 'Wid') : undefined;
  }

  function msgKey(k) {
    return strict({_serialized: k._serialized, fromMe: k.fromMe, remote: wid(k.remote), id: k.id}, 'MsgKey');
  }

  function msg(m) {
    return strict({id: msgKey(m.id), from: wid(m.from), to: wid(m.to), author: wid(m.author), body: m.body,
      type: m.type, t: m.t, ack: m.ack}, 'Msg');
  }

  function contact(c) {
    return strict({id: wid(c.id), name: c.name === null ? undefined : c.name, pushname: c.pushname,
      isBusiness: c.isBusiness, isMyContact: c.isMyContact}, 'Contact');
  }

  function chat(c) {
    return strict({id: wid(c.id), name: c.name, isGroup: c.isGroup, unreadCount: c.unreadCount, t: c.t,
      labels: c.labels, isReadOnly: !!c.isReadOnly}, 'Chat');
  }

  function authCode(a) {
    return a ? strict({type: a.type, ref: a.ref, fullCode: a.fullCode}, 'AuthCode') : null;
  }

  function checkOptions(options, expected, name) {
    Object.keys(options || {}).forEach(function (key) {
      if (!(key in expected)) {
        report(name + ' option ' + key);
      } else if (expected[key] !== undefined && options[key] !== expected[key]) {
        report(name + ' option ' + key + '=' + JSON.stringify(options[key]));
      }
    });
  }

  function api(method, path, body) {
    return fetch(path, {method: method, headers: {'Content-Type': 'application/json', 'X-Sim-Token': token || ''},
      body: body === undefined ? undefined : JSON.stringify(body)}).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) {
          throw new Error(data && data.error || ('HTTP ' + r.status));
        }
        return data;
      });
    });
  }

  function fire(name, payload) {
    (listeners[name] || []).slice().forEach(function (cb) {
      try {
        cb(payload);
      } catch (e) {
        console.error('listener of ' + name + ' failed', e);
      }
    });
  }

  function loadMain() {
    return api('GET', '/wa/api/snapshot').then(function (snapshot) {
      state.contacts = snapshot.contacts;
      state.chats = snapshot.chats;
      state.labels = snapshot.labels;
      state.messages = snapshot.messages || {};
      state.mainReady = true;
      render();
    });
  }

  function boot() {
    return tokenStore.get().then(function (stored) {
      token = stored;
      return api('POST', '/wa/api/hello', {token: token});
    }).then(function (hello) {
      seq = hello.seq;
      state.me = hello.me;
      if (hello.authenticated) {
        state.authenticated = true;
        return loadMain();
      }
      if (token) {
        tokenStore.remove();
        token = null;
      }
      state.authCode = hello.authCode;
    });
  }

  function handle(event) {
    if (event.type === 'auth_code' && !state.authenticated) {
      state.authCode = event.code;
      fire('conn.auth_code_change', authCode(event.code));
    } else if (event.type === 'authenticated' && !state.authenticated) {
      token = event.token;
      tokenStore.set(token);
      state.authenticated = true;
      state.authCode = null;
      fire('conn.auth_code_change', null);
      fire('conn.authenticated');
      loadMain().then(function () { fire('conn.main_ready'); });
    } else if (event.type === 'message' && state.mainReady) {
      var chatId = event.message.id.remote._serialized;
      (state.messages[chatId] = state.messages[chatId] || []).push(event.message);
      state.recent.push(event.message);
      state.recent = state.recent.slice(-8);
      fire('chat.new_message', msg(event.message));
    } else if (event.type === 'ack' && state.mainReady) {
      event.ids.forEach(function (k) {
        acked[k._serialized] = Math.max(acked[k._serialized] || 0, event.ack);
        var waiter = ackWaiters[k._serialized];
        if (waiter && event.ack >= 1) {
          delete ackWaiters[k._serialized];
          waiter(event.ack);
        }
      });
      fire('chat.msg_ack_change', strict({ack: event.ack, chat: wid(event.chat), ids: event.ids.map(msgKey)}, 'AckChange'));
    } else if (event.type === 'chat_changed' && state.mainReady) {
      // e.g. the account left a group on the phone: the page's chat is replaced, as WhatsApp Web updates its model
      state.chats = state.chats.map(function (c) {
        return c.id._serialized === event.chat.id._serialized ? event.chat : c;
      });
      render();
    } else if (event.type === 'logout' && state.authenticated) {
      loggedOut();
    } else if (event.type === 'reload') {
      // WhatsApp Web reloads itself now and then (updates, conflicts)
      location.reload();
      return;
    } else if (event.type === 'hang') {
      // the "page hang" fault: the renderer spins forever
      for (;;) { /* hang */ }
    } else if (event.type === 'trackers') {
      tryTrackers(event.also);
    }
    render();
  }

  // The "trackers" fault: the page tries what WhatsApp Web and wa-js send when nothing stops them (WhatsApp's
  // crash-log collector and de-identified telemetry, Google Analytics), by fetch, image and beacon, plus an
  // optional address from the control API, and reports what it saw. The browser's egress policy must stop all.
  function tryTrackers(also) {
    function image(url) {
      return new Promise(function (resolve, reject) {
        var img = new Image();
        img.onload = resolve;
        img.onerror = function () { reject(new Error('the image did not load')); };
        img.src = url;
      });
    }
    var attempts = [
      ['fetch https://crashlogs.whatsapp.net', function () {
        return fetch('https://crashlogs.whatsapp.net/wa_clb_data', {method: 'POST', mode: 'no-cors', body: 'simulated crash log'});
      }],
      ['fetch https://analytics.google.com', function () {
        return fetch('https://analytics.google.com/g/collect?v=2&tid=G-SIMULATED&en=page_view', {method: 'POST', mode: 'no-cors'});
      }],
      ['image https://www.google-analytics.com', function () { return image('https://www.google-analytics.com/collect?v=1&t=pageview'); }]
    ];
    if (also) {
      var socketUrl = also.replace(/^http/, 'ws');
      attempts.push(['fetch ' + also, function () { return fetch(also, {mode: 'no-cors'}); }]);
      attempts.push(['websocket ' + socketUrl, function () {
        return new Promise(function (resolve, reject) {
          var socket = new WebSocket(socketUrl);
          socket.onopen = function () { socket.close(); resolve(); };
          socket.onclose = function (e) { reject(new Error('the websocket closed (' + e.code + ')')); };
        });
      }]);
    }
    function answered(promise) {
      return Promise.race([promise, new Promise(function (resolve, reject) {
        setTimeout(function () { reject(new Error('no answer within 10 s')); }, 10000);
      })]);
    }
    var queued = navigator.sendBeacon('https://dit.whatsapp.net/deidentified_telemetry', 'simulated telemetry');
    Promise.all(attempts.map(function (attempt) {
      return answered(attempt[1]()).then(function () {
        return {what: attempt[0], outcome: 'reached'};
      }, function (e) {
        return {what: attempt[0], outcome: 'failed: ' + (e && e.message)};
      });
    })).then(function (results) {
      results.push({what: 'beacon https://dit.whatsapp.net', outcome: queued ? 'queued' : 'refused'});
      return fetch('/wa/api/trackers', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({results: results})});
    }).catch(function (e) { console.error('tracker report failed', e); });
  }

  function loggedOut() {
    tokenStore.remove();
    token = null;
    state.authenticated = false;
    state.mainReady = false;
    state.contacts = [];
    state.chats = [];
    fire('conn.logout');
    boot().then(function () {
      fire('conn.require_auth');
      fire('conn.auth_code_change', authCode(state.authCode));
      render();
    });
  }

  function poll() {
    api('GET', '/wa/api/events?since=' + seq).then(function (events) {
      events.forEach(function (e) {
        seq = e.seq;
        handle(e);
      });
      poll();
    }, function () {
      setTimeout(poll, 1000);
    });
  }

  var WPP = {
    loader: strict({
      onReady: function (cb) {
        if (state.ready) {
          setTimeout(cb, 0);
        } else {
          readyCallbacks.push(cb);
        }
      }
    }, 'WPP.loader'),
    conn: strict({
      isAuthenticated: function () { return state.authenticated; },
      isMainReady: function () { return state.mainReady; },
      getAuthCode: function () { return Promise.resolve(state.authenticated ? null : authCode(state.authCode)); },
      getMyUserId: function () { return state.authenticated ? wid(state.me) : undefined; },
      logout: function () {
        return api('POST', '/wa/api/logout', {}).then(function () {
          loggedOut();
          return true;
        });
      }
    }, 'WPP.conn'),
    on: function (name, cb) {
      (listeners[name] = listeners[name] || []).push(cb);
    },
    off: function (name, cb) {
      listeners[name] = (listeners[name] || []).filter(function (l) { return l !== cb; });
    },
    contact: strict({
      list: function () {
        return Promise.resolve(state.contacts.map(contact));
      },
      queryExists: function (id) {
        return api('POST', '/wa/api/exists', {id: String(id)}).then(function (r) {
          return r ? strict({wid: wid(r.wid), biz: r.biz}, 'QueryExistsResult') : null;
        });
      }
    }, 'WPP.contact'),
    chat: strict({
      list: function () {
        return Promise.resolve(state.chats.map(chat));
      },
      // like wa-js: synchronous, only the chats this page already has, undefined for any other id
      get: function (chatId) {
        var id = String(chatId && chatId._serialized || chatId);
        var found = state.chats.filter(function (c) { return c.id._serialized === id; })[0];
        return found ? chat(found) : undefined;
      },
      getMessages: function (chatId, options) {
        checkOptions(options, {count: undefined, direction: undefined, id: undefined}, 'getMessages');
        var count = options && options.count ? options.count : 20;
        var stored = state.messages[String(chatId)];
        if (stored && stored.length >= count) {
          return Promise.resolve(stored.slice(-count).map(msg));
        }
        return api('GET', '/wa/api/messages?chat=' + encodeURIComponent(String(chatId)) + '&count=' + count)
          .then(function (list) { return list.map(msg); });
      },
      markIsComposing: function (chatId, ms) {
        state.typing = String(chatId);
        render();
        setTimeout(function () { state.typing = null; render(); }, ms || 1000);
        return api('POST', '/wa/api/composing', {chat: String(chatId), ms: ms}).then(function () { return undefined; });
      },
      sendTextMessage: function (chatId, text, options) {
        checkOptions(options, {createChat: true, markIsRead: false, linkPreview: false, waitForAck: true}, 'sendTextMessage');
        return api('POST', '/wa/api/send', {chat: String(chatId), text: String(text)}).then(function (r) {
          if (!(options && options.waitForAck) || acked[r.id] >= 1) {
            return {id: r.id, ack: Math.max(r.ack, acked[r.id] || 0)};
          }
          return new Promise(function (resolve) {
            ackWaiters[r.id] = function (ack) { resolve({id: r.id, ack: ack}); };
          });
        });
      }
    }, 'WPP.chat'),
    labels: strict({
      getAllLabels: function () {
        return Promise.resolve(state.labels.map(function (l) { return strict({id: l.id, name: l.name, hexColor: l.hexColor}, 'Label'); }));
      }
    }, 'WPP.labels')
  };
  Object.defineProperty(WPP, 'isReady', {enumerable: true, get: function () { return state.ready; }});
  window.WPP = strict(WPP, 'WPP');

  function text(node, value) {
    node.textContent = value == null ? '' : String(value);
  }

  var renderPending = false;

  function render() {
    if (renderPending) {
      return;
    }
    renderPending = true;
    requestAnimationFrame(function () {
      renderPending = false;
      var status = document.getElementById('status');
      if (!status) {
        return;
      }
      text(status, state.mainReady ? 'Connected as +' + state.me.user : state.authenticated ? 'Loading chats…'
        : state.ready ? 'Scan the QR code with your phone (or press "Scan" on the control page)' : 'Starting…');
      text(document.getElementById('qr'), state.authenticated || !state.authCode ? '' : state.authCode.fullCode);
      text(document.getElementById('typing'), state.typing ? 'typing… to ' + state.typing : '');
      var list = document.getElementById('chats');
      list.textContent = '';
      state.chats.slice().sort(function (a, b) { return b.t - a.t; }).slice(0, 12).forEach(function (c) {
        var li = document.createElement('li');
        text(li, (c.name || c.id.user) + (c.unreadCount ? ' (' + c.unreadCount + ')' : ''));
        list.appendChild(li);
      });
      var recent = document.getElementById('recent');
      recent.textContent = '';
      state.recent.forEach(function (m) {
        var li = document.createElement('li');
        text(li, m.from.user + ': ' + m.body);
        recent.appendChild(li);
      });
    });
  }

  boot().then(function () {
    state.ready = true;
    readyCallbacks.splice(0).forEach(function (cb) { setTimeout(cb, 0); });
    render();
    poll();
  }, function (e) {
    console.error('simulator boot failed', e);
    setTimeout(function () { location.reload(); }, 2000);
  });
  document.addEventListener('DOMContentLoaded', render);
})();
