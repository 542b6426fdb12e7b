// mssg dashboard behaviour. No inline scripts anywhere: the Content-Security-Policy forbids them.
(function () {
    'use strict';

    function meta(name) {
        var el = document.querySelector('meta[name="' + name + '"]');
        return el ? el.getAttribute('content') : null;
    }

    // Every htmx request carries the CSRF token from the page.
    document.addEventListener('htmx:configRequest', function (evt) {
        var header = meta('csrf-header');
        var token = meta('csrf-token');
        if (header && token) {
            evt.detail.headers[header] = token;
        }
    });

    // Toasts: from HX-Trigger {"toast": {"message": "...", "level": "success|error|info"}} and from the server-rendered page.
    function toast(message, level) {
        var box = document.getElementById('toasts');
        if (!box || !message) {
            return;
        }
        var item = document.createElement('div');
        item.className = 'toast toast-' + (level || 'info');
        item.setAttribute('role', level === 'error' ? 'alert' : 'status');
        item.textContent = message;
        var close = document.createElement('button');
        close.type = 'button';
        close.className = 'toast-close';
        close.setAttribute('aria-label', 'Dismiss');
        close.textContent = '\u00d7';
        close.addEventListener('click', function () { item.remove(); });
        item.appendChild(close);
        box.appendChild(item);
        setTimeout(function () { item.remove(); }, level === 'error' ? 10000 : 5000);
    }

    document.body.addEventListener('toast', function (evt) {
        toast(evt.detail && evt.detail.message, evt.detail && evt.detail.level);
    });

    document.addEventListener('htmx:responseError', function (evt) {
        var xhr = evt.detail.xhr;
        if (xhr && xhr.getResponseHeader('HX-Trigger')) {
            return; // the server sent its own toast
        }
        var text = 'Something went wrong (' + (xhr ? xhr.status : '?') + ').';
        if (xhr && xhr.status === 401) {
            text = 'The access token is missing: open the address mssg printed at start.';
        } else if (xhr && xhr.status === 403) {
            text = 'This page is out of date. Reload it and try again.';
        } else if (xhr && xhr.status === 413) {
            text = 'The file is too large.';
        }
        toast(text, 'error');
    });

    document.addEventListener('htmx:sendError', function () {
        toast('mssg is not reachable. Is it still running?', 'error');
    });

    // Tag colours come from data attributes (inline style attributes are blocked by the CSP; the CSSOM is not).
    var COLOR = /^#[0-9a-fA-F]{6}$/;
    function paint(root) {
        var scope = root && root.querySelectorAll ? root : document;
        var items = scope.querySelectorAll('[data-color]');
        if (root && root.matches && root.matches('[data-color]')) {
            items = [root].concat(Array.prototype.slice.call(items));
        }
        Array.prototype.forEach.call(items, function (el) {
            var c = el.getAttribute('data-color');
            if (COLOR.test(c)) {
                el.style.setProperty('--tag', c);
            }
        });
    }

    // "Select all" for lists with checkboxes, and the count of selected rows.
    function wireSelection(root) {
        var scope = root && root.querySelectorAll ? root : document;
        Array.prototype.forEach.call(scope.querySelectorAll('[data-select-all]'), function (box) {
            box.addEventListener('change', function () {
                var form = box.closest('form') || document;
                Array.prototype.forEach.call(form.querySelectorAll('input[name="' + box.getAttribute('data-select-all') + '"]'),
                    function (item) { item.checked = box.checked; });
                updateCounts();
            });
        });
    }

    function updateCounts() {
        Array.prototype.forEach.call(document.querySelectorAll('[data-selected-count]'), function (out) {
            var name = out.getAttribute('data-selected-count');
            var n = document.querySelectorAll('input[name="' + name + '"]:checked').length;
            out.textContent = n === 0 ? 'none selected' : n + ' selected';
            var bar = out.closest('[data-bulk]');
            if (bar) {
                bar.classList.toggle('has-selection', n > 0);
            }
        });
    }

    document.addEventListener('change', function (evt) {
        if (evt.target && evt.target.matches && evt.target.matches('input[type="checkbox"]')) {
            updateCounts();
        }
    });

    // Confirmation before destructive actions: data-confirm on a form, or on the button that submits it (no
    // hx-confirm eval needed).
    document.addEventListener('htmx:confirm', function (evt) {
        var el = evt.detail.elt;
        var submitter = evt.detail.triggeringEvent && evt.detail.triggeringEvent.submitter;
        var question = (submitter && submitter.getAttribute && submitter.getAttribute('data-confirm'))
            || (el && el.getAttribute && el.getAttribute('data-confirm'));
        if (question) {
            evt.preventDefault();
            if (window.confirm(question)) {
                evt.detail.issueRequest(true);
            }
        }
    });

    // A plain form whose work takes seconds (data-busy on its button): the button says so and cannot be pressed twice.
    // Disabled after the browser has read the form, so the button's own name and value are still sent.
    document.addEventListener('submit', function (evt) {
        var button = evt.submitter;
        if (!button || !button.getAttribute || !button.getAttribute('data-busy') || evt.defaultPrevented) {
            return;
        }
        setTimeout(function () {
            button.disabled = true;
            button.textContent = button.getAttribute('data-busy');
        }, 0);
    });

    // Server-rendered toasts (after a full page redirect).
    function flash(root) {
        var scope = root && root.querySelectorAll ? root : document;
        Array.prototype.forEach.call(scope.querySelectorAll('[data-toast]'), function (el) {
            toast(el.getAttribute('data-toast'), el.getAttribute('data-toast-level'));
            el.remove();
        });
    }

    function init(root) {
        paint(root);
        wireSelection(root);
        flash(root);
        updateCounts();
    }

    if (window.htmx) {
        htmx.onLoad(init);
    } else {
        document.addEventListener('DOMContentLoaded', function () { init(document); });
    }
})();
