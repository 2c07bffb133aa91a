/*
 * bezig.js — shows that a long step is running (the dry run and the import
 * of www/templates/import_detail.html): a form with data-bezig="<id>"
 * shows the element with that id when it is submitted, and counts the
 * seconds in its status line until the answer arrives. The form posts as
 * usual; without this script the page says the same beforehand in words.
 */
(function () {
	'use strict';
	var forms = document.querySelectorAll('form[data-bezig]');
	Array.prototype.forEach.call(forms, function (form) {
		var box = document.getElementById(form.getAttribute('data-bezig'));
		if (!box) {
			return;
		}
		var text = box.querySelector('[role="status"]');
		var knop = form.querySelector('button[type="submit"]');
		form.addEventListener('submit', function () {
			var start = Date.now();
			box.hidden = false;
			if (knop) {
				knop.disabled = true;   /* one submit: no second run */
			}
			function toon() {
				var s = Math.floor((Date.now() - start) / 1000);
				text.textContent = 'Bezig… ' + s + (s === 1 ? ' seconde' :
				    ' seconden') + '. Laat deze pagina open.';
			}
			toon();
			window.setInterval(toon, 1000);
		});
	});
}());
