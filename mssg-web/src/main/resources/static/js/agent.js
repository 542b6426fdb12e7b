// The reply agent's behaviour: a suggestion click fills the reply box; the health chart is drawn with uPlot.
// No inline scripts: the Content-Security-Policy forbids them.
(function () {
    'use strict';

    // The reply box of the conversation: #reply-text, else any textarea named "text" on the page.
    function replyBox() {
        return document.getElementById('reply-text') || document.querySelector('textarea[name="text"]');
    }

    document.addEventListener('click', function (evt) {
        var button = evt.target && evt.target.closest ? evt.target.closest('[data-suggestion]') : null;
        if (!button) {
            return;
        }
        var box = replyBox();
        if (!box) {
            return;
        }
        box.value = button.getAttribute('data-text') || '';
        box.dispatchEvent(new Event('input', { bubbles: true }));
        box.focus();
    });

    var COLORS = ['#0b7a5b', '#2f6fed', '#8a5a00', '#7a7f87', '#b42318', '#9b51e0'];

    function drawCharts(root) {
        if (!window.uPlot) {
            return;
        }
        var scope = root && root.querySelectorAll ? root : document;
        Array.prototype.forEach.call(scope.querySelectorAll('[data-agent-chart]'), function (el) {
            if (el.getAttribute('data-drawn')) {
                return;
            }
            var data;
            try {
                data = JSON.parse(el.getAttribute('data-chart'));
            } catch (e) {
                return;
            }
            var series = [{}];
            var columns = [data.days];
            data.series.forEach(function (s, i) {
                series.push({ label: s.label, stroke: COLORS[i % COLORS.length], width: 2, dash: s.label === 'threshold met' ? [6, 4] : undefined });
                columns.push(s.values);
            });
            el.setAttribute('data-drawn', 'true');
            new window.uPlot({
                width: Math.max(300, el.clientWidth || 600),
                height: 300,
                series: series,
                axes: [{ stroke: 'currentColor' }, { stroke: 'currentColor' }],
                scales: { x: { time: true } }
            }, columns, el);
        });
    }

    function init(root) {
        drawCharts(root);
    }

    if (window.htmx) {
        window.htmx.onLoad(init);
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', function () { init(document); });
    } else {
        init(document);
    }
})();
