// The parts of ECharts the projects charts use (KPI lines with a target line, the funnel's
// stacked bars), and nothing else: imported dynamically by Chart.tsx so that ECharts stays a
// chunk of its own, fetched only when a chart is shown.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

export { init };
