import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { Component } from 'vue'
import { i18n, setLang, type Lang } from '@/i18n'

const Blank = { template: '<div />' }

/** A router with every path leading to a blank page, for components that render links. */
export function blankRouter(): Router {
  return createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: Blank }] })
}

export function mountWith<C extends Component>(component: C, options: ComponentMountingOptions<C> & {
  lang?: Lang; pinia?: Pinia; router?: Router
} = {} as never) {
  setLang(options.lang ?? 'zh-CN')
  const pinia = options.pinia ?? createPinia()
  setActivePinia(pinia)
  const router = options.router ?? blankRouter()
  return mount(component, {
    ...options,
    attachTo: document.body,
    global: { plugins: [i18n, pinia, router], ...(options.global ?? {}) },
  } as never)
}
