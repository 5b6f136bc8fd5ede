import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import { setLanguageSource } from '@/api/client'

export type Lang = 'zh-CN' | 'en'
export const LANGS: Lang[] = ['zh-CN', 'en']
export const STORAGE_KEY = 'gongyu.lang'

export function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    return v === 'en' || v === 'zh-CN' ? v : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLang(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

setLanguageSource(() => i18n.global.locale.value)

export function currentLang(): Lang {
  return i18n.global.locale.value as Lang
}

/** Switches the language, remembers it and keeps <html lang> in step. */
export function setLang(lang: Lang): void {
  i18n.global.locale.value = lang
  try {
    localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = lang
}

export function toggleLang(): Lang {
  const next: Lang = currentLang() === 'zh-CN' ? 'en' : 'zh-CN'
  setLang(next)
  return next
}
