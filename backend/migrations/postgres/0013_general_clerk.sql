-- 综合受理 (a hall's 无差别综合受理 window) is a staff role: the role check admits it.
ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check
    CHECK (role IN ('clerk', 'general_clerk', 'approver', 'assistant', 'admin'));
