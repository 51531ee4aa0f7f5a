import { useEffect, useState } from 'react';
import { metadata } from '@rt/api/client';

export interface MethodName {
  id: string;
  title: string;
}

/** The methods (id and title) for choosing one or naming one; empty when they cannot be read. */
export function useMethods(): MethodName[] {
  const [methods, setMethods] = useState<MethodName[]>([]);
  useEffect(() => {
    metadata
      .list<{ title?: string }>('methods')
      .then((list) => setMethods(list.flatMap((d) => (d.id ? [{ id: d.id, title: d.content.title ?? d.id }] : []))))
      .catch(() => setMethods([]));
  }, []);
  return methods;
}

/** A method's title, or its id when unknown. */
export function methodTitle(methods: MethodName[], id: string): string {
  return methods.find((m) => m.id === id)?.title ?? id;
}
