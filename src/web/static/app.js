// chartclerk records desk: keyboard shortcuts and small helpers. No inline scripts anywhere
// (the Content-Security-Policy forbids them); this file and htmx are the only scripts.
;(function () {
  'use strict'

  // Where a key is text (or picks an option): a text field, a text area, an open menu. A radio or
  // a checkbox is not: after 1-9 ticks a candidate, t, f and s must still work.
  function typing(el) {
    if (!el) return false
    var tag = el.tagName
    if (tag === 'INPUT') {
      var type = (el.getAttribute('type') || 'text').toLowerCase()
      return !(type === 'radio' || type === 'checkbox' || type === 'button' || type === 'submit' || type === 'reset' || type === 'hidden')
    }
    return tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable
  }

  var pendingG = false

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return
    var active = document.activeElement
    if (e.key === 'Escape' && typing(active)) {
      active.blur()
      return
    }
    if (typing(active)) return

    // g d / g r / g c / g f: go to a section
    if (pendingG) {
      pendingG = false
      var nav = document.querySelector('a[data-key="g ' + e.key + '"]')
      if (nav) {
        e.preventDefault()
        nav.click()
      }
      return
    }
    if (e.key === 'g') {
      pendingG = true
      setTimeout(function () {
        pendingG = false
      }, 1200)
      return
    }

    // 1-9: choose a candidate patient
    if (/^[1-9]$/.test(e.key)) {
      var radio = document.querySelector('input[data-choice="' + e.key + '"]')
      if (radio) {
        e.preventDefault()
        radio.checked = true
        radio.focus()
        return
      }
    }

    // s: file (submit the settle form)
    if (e.key === 's') {
      var form = document.getElementById('settle')
      if (form) {
        e.preventDefault()
        if (form.requestSubmit) form.requestSubmit()
        else form.submit()
        return
      }
    }

    // j / k: next / previous in the review queue, or move through a list's rows
    if (e.key === 'j' || e.key === 'k') {
      var link = document.querySelector('a[data-key="' + e.key + '"]')
      if (link) {
        e.preventDefault()
        link.click()
        return
      }
      var rows = Array.prototype.slice.call(document.querySelectorAll('table[data-keynav] tbody tr'))
      if (rows.length) {
        e.preventDefault()
        var cur = rows.findIndex(function (r) {
          return r.classList.contains('current')
        })
        var next = e.key === 'j' ? Math.min(rows.length - 1, cur + 1) : Math.max(0, cur - 1)
        rows.forEach(function (r) {
          r.classList.remove('current')
        })
        rows[next].classList.add('current')
        var a = rows[next].querySelector('a')
        if (a) a.focus()
        return
      }
    }

    // t, f, /: focus the field marked with that key
    var target = document.querySelector('input[data-key="' + e.key + '"], select[data-key="' + e.key + '"]')
    if (target) {
      e.preventDefault()
      target.focus()
      return
    }
    if (e.key === '/') {
      var search = document.querySelector('a[data-key="/"]')
      if (search) {
        e.preventDefault()
        search.click()
      }
    }
  })

  // Enter in a lookup field searches; it does not submit the surrounding form. Enter in a menu
  // reached by its key (t: the document type) confirms the choice and hands the keys back to the
  // page, so the next key (s: file) does what the page shows.
  document.addEventListener('keydown', function (e) {
    var t = e.target
    if (e.key !== 'Enter' || !t || !t.hasAttribute) return
    if (t.hasAttribute('data-noenter')) e.preventDefault()
    else if (t.tagName === 'SELECT' && t.hasAttribute('data-key')) {
      e.preventDefault()
      t.blur()
    }
  })

  // A menu reached by its key and changed with the mouse also hands the keys back.
  document.addEventListener('change', function (e) {
    var t = e.target
    if (t && t.tagName === 'SELECT' && t.hasAttribute('data-key') && t.getAttribute('data-picked') === 'pointer') t.blur()
  })
  document.addEventListener('pointerdown', function (e) {
    var t = e.target && e.target.closest ? e.target.closest('select[data-key]') : null
    if (t) t.setAttribute('data-picked', 'pointer')
  })
  document.addEventListener(
    'keydown',
    function (e) {
      if (e.target && e.target.tagName === 'SELECT' && e.target.removeAttribute) e.target.removeAttribute('data-picked')
    },
    true,
  )

  // Buttons that print the page.
  document.addEventListener('click', function (e) {
    var el = e.target && e.target.closest ? e.target.closest('[data-print]') : null
    if (el) {
      e.preventDefault()
      window.print()
    }
  })

  // A signed-out session during an htmx request: go to the sign-in page.
  document.addEventListener('htmx:responseError', function (e) {
    if (e.detail && e.detail.xhr && e.detail.xhr.status === 401) window.location.href = '/login'
  })
})()
