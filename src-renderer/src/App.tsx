export function App() {
  return (
    <main>
      <h1>Magneto Studio</h1>
      <p>Record and replay HTTP, HTTPS and WebSocket traffic.</p>
    </main>
  );
}
