import { Checkbox } from 'antd';
import type { CheckboxGroupProps } from 'antd/es/checkbox';

/**
 * antd's Checkbox.Group inside a required Form.Item: the item hands `aria-required` to the group's
 * plain <div>, where ARIA does not allow it (axe: aria-allowed-attr). The asterisk on the label and
 * the field's error message still say it is required.
 */
export function CheckboxGroup<T extends string | number>({ 'aria-required': _required, ...props }: CheckboxGroupProps<T> & { 'aria-required'?: unknown }) {
  return <Checkbox.Group<T> {...props} />;
}
