/**
 * <rubrica-chart>: a bar chart drawn with Chart.js (MIT). The server sets the `data` property to a JSON
 * string: {title, labels: [...], series: [{name, color, values: [...]}], horizontal, unit}. Clicking a bar
 * fires `bar-click` with detail {index, series} so the server can open the oficios behind it.
 */
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Title, Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title, Tooltip);

interface Series { name: string; color: string; values: number[] }
interface ChartData { title: string; labels: string[]; series: Series[]; horizontal?: boolean; unit?: string }

class RubricaChart extends HTMLElement {
  private canvas: HTMLCanvasElement;
  private chart?: Chart;
  private pending?: ChartData;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<style>:host{display:block;position:relative;min-height:16rem}'
      + 'canvas{width:100%!important}</style><canvas role="img"></canvas>';
    this.canvas = root.querySelector('canvas')!;
  }

  set data(json: string) {
    const data = JSON.parse(json || '{}') as ChartData;
    this.canvas.setAttribute('aria-label', data.title || '');
    if (this.isConnected) {
      this.draw(data);
    } else {
      this.pending = data;
    }
  }

  connectedCallback() {
    if (this.pending) {
      this.draw(this.pending);
      this.pending = undefined;
    }
  }

  disconnectedCallback() {
    this.chart?.destroy();
    this.chart = undefined;
  }

  private draw(data: ChartData) {
    this.chart?.destroy();
    this.chart = new Chart(this.canvas, {
      type: 'bar',
      data: {
        // "SEC/DGE · Dirección General de Educación" on two lines, so long unit names are not cut
        labels: data.labels.map((l) => (l.includes(' · ') ? l.split(' · ') : l)),
        datasets: data.series.map((s) => ({ label: s.name, data: s.values, backgroundColor: s.color })),
      },
      options: {
        indexAxis: data.horizontal ? 'y' : 'x',
        maintainAspectRatio: false,
        animation: false,
        // counts in whole numbers; times (with a unit) as they come
        scales: { [data.horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: data.unit ? {} : { precision: 0 } } },
        plugins: {
          title: { display: !!data.title, text: data.title },
          legend: { display: data.series.length > 1 },
          tooltip: {
            callbacks: data.unit ? { label: (c) => `${c.dataset.label}: ${c.formattedValue} ${data.unit}` } : {},
          },
        },
        onClick: (_event, elements) => {
          if (elements.length > 0) {
            this.dispatchEvent(new CustomEvent('bar-click', {
              detail: { index: elements[0].index, series: elements[0].datasetIndex },
            }));
          }
        },
      },
    });
  }
}

customElements.define('rubrica-chart', RubricaChart);
