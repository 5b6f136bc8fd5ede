import { cookie } from './client'

/**
 * The XSRF-TOKEN cookie masked the way Spring Security's XorServerCsrfTokenRequestAttributeHandler
 * unmasks a form field: base64url(random ‖ (random XOR token)). A form post is a real navigation,
 * so the browser follows the gateway's redirect through Keycloak's logout (ending the Keycloak
 * session with its own cookies) and back to `/`.
 */
export function maskToken(token: string, random?: Uint8Array): string {
  const bytes = new TextEncoder().encode(token)
  const r = random ?? crypto.getRandomValues(new Uint8Array(bytes.length))
  const out = new Uint8Array(bytes.length * 2)
  out.set(r, 0)
  for (let i = 0; i < bytes.length; i++) out[bytes.length + i] = r[i] ^ bytes[i]
  let bin = ''
  out.forEach((b) => (bin += String.fromCharCode(b)))
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_')
}

/** POST /logout (contract C1) and follow the gateway's redirects back to `/`. */
export async function logout(): Promise<void> {
  const token = cookie('XSRF-TOKEN')
  if (token) {
    const form = document.createElement('form')
    form.method = 'post'
    form.action = '/logout'
    form.style.display = 'none'
    const field = document.createElement('input')
    field.type = 'hidden'
    field.name = '_csrf'
    field.value = maskToken(token)
    form.appendChild(field)
    document.body.appendChild(form)
    form.submit()
    return
  }
  // no cookie yet (should not happen in a session): the header form of the contract, then home
  await fetch('/logout', { method: 'POST', credentials: 'same-origin', redirect: 'manual' }).catch(() => undefined)
  window.location.assign('/')
}
