import { useEffect } from 'react';
import { RouterProvider } from 'react-router-dom';
import { applyTheme } from './app/theme.store';
import { router } from './app/router';

export function App() {
  useEffect(() => applyTheme(), []);
  return <RouterProvider router={router} />;
}
