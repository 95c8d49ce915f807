import './styles.css';
import './i18n/index.js';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { startOfflineSync } from './offline/runtime.js';

startOfflineSync();
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
createRoot(document.getElementById('root')!).render(<App />);
