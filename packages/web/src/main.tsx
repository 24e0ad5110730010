// Entry point: mounts the app. No inline script in index.html (the server's CSP forbids it).
import './zod-jitless.js';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { App } from './App.js';
import { I18nProvider } from './i18n/index.js';
import { AppStateProvider } from './state.js';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <I18nProvider>
      <AppStateProvider>
        <App />
      </AppStateProvider>
    </I18nProvider>,
  );
}
