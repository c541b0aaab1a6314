/** Browser entry point: theme before first paint, then the app. */
import { render } from 'solid-js/web';
import { App } from './App.tsx';
import { makeApi } from './api/api.ts';
import { applyInitialTheme } from './theme/theme.ts';
import './styles/index.css';

applyInitialTheme();
const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
render(() => <App api={makeApi()} />, root);
