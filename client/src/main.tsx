import { render } from 'solid-js/web';
import { App } from './ui/App.tsx';
import './ui/styles.css';

render(() => <App />, document.getElementById('root')!);
