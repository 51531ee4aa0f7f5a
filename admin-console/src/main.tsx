import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setBase } from '@rt/app/router';
import { I18nProvider } from '@rt/i18n';
import '@rt/styles.css';
import './admin.css';
import { App } from './App';

setBase(import.meta.env.BASE_URL);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
