import { useEffect } from 'react';
import { setLeaveCheck } from '@rt/app/router';

/**
 * While `unsaved` holds, leaving the page asks first: the browser's own question on reload, close or a typed
 * address (`beforeunload`), and `message` (a confirm) before a link or button of the console moves elsewhere.
 */
export function useLeaveWarning(unsaved: boolean, message: string) {
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    setLeaveCheck(() => window.confirm(message));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      setLeaveCheck(null);
    };
  }, [unsaved, message]);
}
