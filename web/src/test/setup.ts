import { afterEach, beforeEach } from 'vitest'

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})
afterEach(() => {
  document.body.innerHTML = ''
})

// jsdom has no scrolling; the router's scrollBehavior calls it
window.scrollTo = () => {}
