// The browser app's entry point: reads the page's configuration, loads the dataset, renders the route.
import { render } from 'preact';
import { index } from '../src/model/dataset.ts';
import type { Dataset } from '../src/model/dataset.ts';
import { type ClientConfig, datasetUrl } from '../src/case/client-config.ts';
import { App, LoadError } from './app.tsx';
import { initRouter, installLinkInterceptor } from './router.ts';
import { isTablesWorker, serveTables } from './tables-worker.ts';
import './style.css';

function readConfig(): ClientConfig {
  const el = document.getElementById('accede-config');
  try {
    return JSON.parse(el?.textContent ?? '') as ClientConfig;
  } catch {
    return { root: '/', mode: 'server', version: '0' };
  }
}

async function start() {
  const config = readConfig();
  initRouter(config);
  installLinkInterceptor();
  const root = document.getElementById('app')!;
  // The shell preloads this URL: this fetch takes the response already under way.
  const dataUrl = datasetUrl(config);
  let dataset: Dataset;
  try {
    const res = await fetch(dataUrl);
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    dataset = (await res.json()) as Dataset;
  } catch (e) {
    render(<LoadError what="the dataset" url={dataUrl} error={e instanceof Error ? e.message : String(e)} />, root);
    return;
  }
  root.textContent = '';
  render(<App ix={index(dataset)} config={config} />, root);
}

// The same bundle runs as the worker that computes a wide case's tables (web/tables-worker.ts).
if (isTablesWorker()) serveTables();
else void start();
