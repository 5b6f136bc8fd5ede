import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n, currentLang } from './i18n'
import { makeRouter } from './router'
import './styles.css'

document.documentElement.lang = currentLang()

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.use(makeRouter())
app.mount('#app')
