// Verification pages: fetch the record summary with the QR code's access token, keep the token
// when the language is switched, print. The token stays in the URL fragment: never in a request line.
(function () {
  'use strict';
  var token = /(?:^#|&)t=([^&]*)/.exec(location.hash);

  document.querySelectorAll('nav.lang a').forEach(function (a) {
    a.addEventListener('click', function () {
      if (location.hash) { a.href = a.href.split('#')[0] + location.hash; }
    });
  });
  document.querySelectorAll('button.print').forEach(function (b) {
    b.addEventListener('click', function () { window.print(); });
  });

  var box = document.getElementById('record');
  if (!box || !token) { return; }
  box.setAttribute('aria-busy', 'true');
  fetch(box.getAttribute('data-record-url'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'text/html' },
    body: 't=' + encodeURIComponent(decodeURIComponent(token[1])),
    credentials: 'same-origin'
  }).then(function (response) {
    return response.text();
  }).then(function (html) {
    box.innerHTML = html;
    box.removeAttribute('aria-busy');
    box.classList.add('loaded');
  }).catch(function () {
    box.removeAttribute('aria-busy');
  });
})();
