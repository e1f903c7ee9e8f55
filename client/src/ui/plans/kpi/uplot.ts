/** uPlot with its stylesheet: only ever imported dynamically (KpiChart), so it stays out of the first load. */
import 'uplot/dist/uPlot.min.css';
export { default } from 'uplot';
