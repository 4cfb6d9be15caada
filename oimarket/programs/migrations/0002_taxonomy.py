from django.db import migrations


def load(apps, schema_editor):
    from oimarket.programs.taxonomy import REGIONS, field_rows

    Field = apps.get_model("programs", "Field")
    Region = apps.get_model("accounts", "Region")
    for row in field_rows():
        Field.objects.update_or_create(code=row["code"], defaults=row)
    for position, (code, ko, en) in enumerate(REGIONS):
        Region.objects.update_or_create(
            code=code, defaults={"name_ko": ko, "name_en": en, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0001_initial"),
        ("accounts", "0002_initial"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
