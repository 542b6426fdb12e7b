// mssg sending screens: quick replies into the reply box, template picks into the campaign form.
// No inline scripts: the Content-Security-Policy forbids them.
(function () {
    'use strict';

    document.addEventListener('click', function (evt) {
        var pick = evt.target && evt.target.closest ? evt.target.closest('[data-quick-reply]') : null;
        if (!pick) {
            return;
        }
        var box = document.getElementById('reply-text');
        if (box) {
            box.value = pick.getAttribute('data-quick-reply');
            box.focus();
        }
        var list = document.getElementById('quick-reply-suggestions');
        if (list) {
            list.textContent = '';
        }
    });

    // A saved template chosen in the campaign form fills the message text (which stays editable).
    document.addEventListener('change', function (evt) {
        var select = evt.target;
        if (!select || !select.matches || !select.matches('[data-fill-target]')) {
            return;
        }
        var option = select.options[select.selectedIndex];
        var target = document.getElementById(select.getAttribute('data-fill-target'));
        if (target && option && option.getAttribute('data-body') !== null) {
            target.value = option.getAttribute('data-body');
        }
    });
})();
