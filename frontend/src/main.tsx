import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { startJobBridge } from './api';
import { App } from './App';
import { makeQueryClient, Providers } from './providers';

startJobBridge();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers client={makeQueryClient()}>
      <HashRouter>
        <App />
      </HashRouter>
    </Providers>
  </StrictMode>,
);
