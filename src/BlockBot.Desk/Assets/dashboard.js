// Draws each <canvas data-chart="{labels, stacked, series: [{label, data}]}"> of the dashboard with Chart.js.
(function () {
    'use strict';
    var colours = ['#1f5fbf', '#9a5b00', '#b3261e', '#1d7a46'];
    function draw() {
        document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
            var spec = JSON.parse(canvas.getAttribute('data-chart'));
            new Chart(canvas, {
                type: 'bar',
                data: {
                    labels: spec.labels,
                    datasets: spec.series.map(function (series, i) {
                        return { label: series.label, data: series.data, backgroundColor: colours[i % colours.length] };
                    })
                },
                options: {
                    animation: false,
                    responsive: true,
                    plugins: { legend: { display: spec.series.length > 1 } },
                    scales: {
                        x: { stacked: spec.stacked },
                        y: { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } }
                    }
                }
            });
        });
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();
