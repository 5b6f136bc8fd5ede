/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The gateway (http://127.0.0.1:8080) serves the built app at `/` and owns the session; in
// development Vite proxies every server path to it, so the session cookie stays same-origin.
const gateway = process.env.GONGYU_GATEWAY ?? 'http://127.0.0.1:8080'
// `/me` exactly (who is logged in): `/me/notifications` is a page of the app, not the gateway's
const proxied = ['/api', '^/me(\\?.*)?$', '/logout', '/oauth2', '/login']

// `npm run dev:mock`: made-up figures instead of the gateway (see mock/reporting.ts)
const mockRole = process.env.GONGYU_MOCK

export default defineConfig({
  plugins: [
    vue(),
    mockRole
      ? {
          name: 'gongyu-mock-api',
          async configureServer(server) {
            const { mockMiddleware } = await import('./mock/reporting')
            server.middlewares.use(mockMiddleware(mockRole))
          },
          async configurePreviewServer(server) {
            const { mockMiddleware } = await import('./mock/reporting')
            server.middlewares.use(mockMiddleware(mockRole))
          },
        }
      : null,
    // Element Plus on demand: only the components a template uses, each with its own CSS.
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: 'src/components.d.ts',
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: mockRole ? undefined : Object.fromEntries(proxied.map((p) => [p, { target: gateway, changeOrigin: false }])),
  },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    // packaged by Maven into the web jar as classpath:/static/
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
    // Element Plus components come with their CSS imports (unplugin): let Vite handle them, not Node
    server: { deps: { inline: ['element-plus'] } },
  },
})
