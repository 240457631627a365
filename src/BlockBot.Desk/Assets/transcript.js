// Opens a ticket's transcript (a list that scrolls within its panel) at its newest message.
(function () {
    'use strict';
    var list = document.getElementById('transcript');
    if (list) {
        list.scrollTop = list.scrollHeight;
    }
})();
