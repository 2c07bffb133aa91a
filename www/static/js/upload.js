/*
 * upload.js — a progress bar for the import upload form
 * (www/templates/import.html). Only an enhancement: without it the form
 * posts as usual. With it the file goes up by XMLHttpRequest (same form
 * data, CSRF token included), the bar shows how much has been sent, and
 * the browser follows the server's answer: the redirect to the mapping
 * page, or the form again with its errors.
 */
(function () {
	'use strict';
	var form = document.getElementById('upload-formulier');
	if (!form || !window.XMLHttpRequest || !window.FormData) {
		return;
	}
	var box = document.getElementById(form.getAttribute('data-voortgang'));
	var bar = document.getElementById('upload-balk');
	var text = document.getElementById('upload-tekst');

	function mib(n) {
		return (n / 1048576).toFixed(1).replace('.', ',') + ' MiB';
	}

	form.addEventListener('submit', function (ev) {
		var xhr = new XMLHttpRequest();
		ev.preventDefault();
		box.hidden = false;
		text.textContent = 'Bezig met uploaden…';
		xhr.open('POST', form.action);
		xhr.upload.addEventListener('progress', function (e) {
			if (e.lengthComputable) {
				bar.value = Math.round(100 * e.loaded / e.total);
				text.textContent = mib(e.loaded) + ' van ' + mib(e.total) +
				    ' verstuurd';
			}
		});
		xhr.upload.addEventListener('load', function () {
			bar.removeAttribute('value');
			text.textContent = 'Verstuurd; het bestand wordt gelezen…';
		});
		xhr.addEventListener('load', function () {
			if (xhr.responseURL && xhr.responseURL !== form.action &&
			    xhr.status === 200) {
				window.location.assign(xhr.responseURL);
				return;
			}
			document.open();
			document.write(xhr.responseText);
			document.close();
		});
		xhr.addEventListener('error', function () {
			text.textContent = 'De upload is mislukt. Probeer het opnieuw.';
		});
		xhr.send(new FormData(form));
	});
}());
